import type { RepoFile } from '../snapshot/types';
import { fingerprintDocs } from './fingerprintDocs';

const repo: RepoFile[] = [
  { path: 'mkdocs.yml', content: 'site_name: homelab\n' },
  { path: 'docs/index.md', content: '# Homelab\n' },
  { path: 'README.md', content: '# The repo\n' },
  { path: 'apps/a/README.md', content: '# a\n' },
  { path: 'apps/a/kustomization.yaml', content: 'namespace: a\n' },
  { path: 'apps/b/kustomization.yaml', content: 'namespace: b\n' },
  { path: 'apps/c/docs/run.md', content: '# Run c\n' },
  { path: 'apps/c/deployment.yaml', content: 'kind: Deployment\n' },
];
const dirs = ['apps/a', 'apps/b', 'apps/c'];

/** The directories whose fingerprint differs between two versions of the repo. */
function changedDirs(before: RepoFile[], after: RepoFile[]): string[] {
  const was = fingerprintDocs(before, dirs);
  const now = fingerprintDocs(after, dirs);
  return [...new Set([...was.keys(), ...now.keys()])].filter(d => was.get(d) !== now.get(d)).sort();
}

const edit = (path: string, content: string) => repo.map(f => (f.path === path ? { path, content } : f));

describe('fingerprintDocs', () => {
  it('fingerprints exactly the directories with docs', () => {
    expect([...fingerprintDocs(repo, dirs).keys()].sort()).toEqual(['', 'apps/a', 'apps/c']);
  });

  it('is the same for the same files, in any order', () => {
    expect(fingerprintDocs([...repo].reverse(), dirs)).toEqual(fingerprintDocs(repo, dirs));
  });

  it.each<[string, RepoFile[], string[]]>([
    ['a README edited', edit('apps/a/README.md', '# a, edited\n'), ['apps/a']],
    ['a page below docs/ edited', edit('apps/c/docs/run.md', '# Run c twice\n'), ['apps/c']],
    ['the root mkdocs.yml edited', edit('mkdocs.yml', 'site_name: lab\n'), ['']],
    ['a page added', [...repo, { path: 'docs/runbooks/x.md', content: '# x\n' }], ['']],
    ['a page removed', repo.filter(f => f.path !== 'apps/c/docs/run.md'), ['apps/c']],
    ['a first README', [...repo, { path: 'apps/b/README.md', content: '# b\n' }], ['apps/b']],
    // The root README is not part of a mkdocs site; a manifest is no doc.
    ['the root README edited', edit('README.md', '# The repo, edited\n'), []],
    ['a manifest edited', edit('apps/c/deployment.yaml', 'kind: StatefulSet\n'), []],
  ])('changes for %s: %j', (_what, after, changed) => {
    expect(changedDirs(repo, after)).toEqual(changed);
  });

  it('tells a renamed page from the same content under the old name', () => {
    const renamed = repo.map(f => (f.path === 'apps/c/docs/run.md' ? { ...f, path: 'apps/c/docs/operate.md' } : f));
    expect(changedDirs(repo, renamed)).toEqual(['apps/c']);
  });
});
