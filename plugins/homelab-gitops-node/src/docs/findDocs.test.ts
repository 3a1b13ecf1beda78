import { resolve } from 'node:path';
import { readLocalRepo } from '../snapshot/readLocalRepo';
import { buildRepoModel } from '../model/buildRepoModel';
import { DEFAULT_LAYOUT } from '../layout';
import { findDocs } from './findDocs';

describe('findDocs', () => {
  it('finds a root docs folder without mkdocs.yml, nested folders included', () => {
    expect(
      findDocs(['docs/index.md', 'docs/updates/2026-11.md', 'docs/img/a.png', 'cluster/x.yaml'], []),
    ).toEqual([{ dir: '', shape: 'folder', pages: ['docs/index.md', 'docs/updates/2026-11.md'] }]);
  });

  it('uses a mkdocs.yml as written and turns a unit README into a page', () => {
    expect(
      findDocs(
        ['mkdocs.yml', 'docs/index.md', 'README.md', 'apps/a/README.md', 'apps/a/kustomization.yaml', 'apps/b/kustomization.yaml', 'apps/c/docs/run.md'],
        ['apps/a', 'apps/b', 'apps/c'],
      ),
    ).toEqual([
      { dir: '', shape: 'mkdocs', pages: ['docs/index.md'] },
      { dir: 'apps/a', shape: 'readme', pages: ['README.md'] },
      { dir: 'apps/c', shape: 'folder', pages: ['docs/run.md'] },
    ]);
  });

  it('does not make docs of a root README alone, nor of a unit without Markdown', () => {
    expect(findDocs(['README.md', 'apps/b/kustomization.yaml', 'apps/b/notes.txt'], ['apps/b'])).toEqual([]);
  });

  it('finds the example repo root and its documented platform components', async () => {
    const snapshot = await readLocalRepo(resolve(__dirname, '../../../../examples/homelab-gitops'));
    const model = buildRepoModel(snapshot, DEFAULT_LAYOUT);
    const found = findDocs(model.paths, model.units.filter(u => u.unit === 'directory').map(u => u.path));
    expect(found.find(d => d.dir === '')).toEqual({
      dir: '',
      shape: 'mkdocs',
      pages: ['docs/architecture.md', 'docs/index.md', 'docs/runbooks/ceph-health-warn.md', 'docs/runbooks/cnpg-failover.md'],
    });
    expect(found.filter(d => d.dir !== '')).toEqual([
      { dir: 'cluster/apps/ai/n8n', shape: 'readme', pages: ['README.md'] },
      { dir: 'cluster/apps/media/immich', shape: 'readme', pages: ['README.md'] },
      { dir: 'cluster/apps/media/jellyfin', shape: 'readme', pages: ['README.md'] },
    ]);
  });
});
