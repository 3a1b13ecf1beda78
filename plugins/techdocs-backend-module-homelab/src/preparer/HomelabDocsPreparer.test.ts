import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { TechdocsGenerator } from '@backstage/plugin-techdocs-node';
import { HomelabDocsPreparer } from './HomelabDocsPreparer';

const config = new ConfigReader({
  techdocs: { generator: { runIn: 'local', mkdocs: { omitTechdocsCorePlugin: true, defaultPlugins: ['search'] } } },
});
const logger = mockServices.logger.mock();
const preparer = new HomelabDocsPreparer({
  reader: mockServices.urlReader.mock(),
  scmIntegrations: ScmIntegrations.fromConfig(config),
  logger,
});

/** Every file, directory and symlink below root with its content, for byte-for-byte comparison. */
async function treeDigest(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full);
      if (entry.isSymbolicLink()) out[rel] = `link:${await fs.readlink(full)}`;
      else if (entry.isDirectory()) {
        out[rel] = 'dir';
        await walk(full);
      } else out[rel] = createHash('sha256').update(await fs.readFile(full)).digest('hex');
    }
  };
  await walk(root);
  return out;
}

async function filesBelow(root: string): Promise<string[]> {
  return Object.entries(await treeDigest(root))
    .filter(([, v]) => v !== 'dir')
    .map(([k]) => k)
    .sort();
}

const entityAt = (root: string, gitopsPath: string, locationFile: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: gitopsPath ? gitopsPath.split('/').pop()! : 'homelab-gitops',
    annotations: {
      'backstage.io/techdocs-ref': 'dir:.',
      'backstage.io/managed-by-location': `file:${join(root, gitopsPath, locationFile)}`,
      'homelab.dev/gitops-path': gitopsPath,
      'homelab.dev/gitops-source': 'homelab-gitops',
    },
  },
});

async function build(preparedDir: string) {
  const outputDir = await fs.mkdtemp(join(tmpdir(), 'homelab-techdocs-site-'));
  await TechdocsGenerator.fromConfig(config, { logger }).run({
    inputDir: preparedDir,
    outputDir,
    logger: logger as any,
    siteOptions: { name: 'test' },
  });
  return outputDir;
}

describe('HomelabDocsPreparer', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await fs.mkdtemp(join(tmpdir(), 'homelab-docs-fixture-'));
    root = join(base, 'checkout');
    const write = async (path: string, content: string) => {
      await fs.mkdir(join(root, path, '..'), { recursive: true });
      await fs.writeFile(join(root, path), content);
    };
    await write('docs/index.md', '# Homelab\n\nHow it fits: ![diagram](img/diagram.png)\n\nSee [November](updates/2026-11.md).\n');
    await write('docs/img/diagram.png', 'PNG-diagram');
    await write('docs/img/unlinked.png', 'PNG-unlinked');
    await write('docs/updates/2026-11.md', '# November update\n\nMoved backups to the new bucket.\n');
    await write('docs/runbooks/backup.md', '# Restore from backup\n\nRestore a volume from its VolSync snapshot.\n');
    await write('cluster/apps/media/jellyfin/kustomization.yaml', 'resources: []\n');
    await write('cluster/apps/media/jellyfin/README.md', '# Jellyfin\n\nThe media server. ![UI](screenshot.png)\n');
    await write('cluster/apps/media/jellyfin/screenshot.png', 'PNG-screenshot');
    await write('cluster/apps/media/jellyfin/values.bin', 'not linked');
    await fs.mkdir(join(base, 'outside'));
    await fs.writeFile(join(base, 'outside', 'secret.md'), '# Not part of the repo\n');
    await fs.symlink(join(base, 'outside', 'secret.md'), join(root, 'docs', 'leak.md'));
    await fs.symlink(join(base, 'outside'), join(root, 'docs', 'outside-dir'));
    await fs.symlink(join(root, 'docs', 'runbooks', 'backup.md'), join(root, 'docs', 'backup-alias.md'));
  });
  afterAll(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  it('builds a repo docs folder without mkdocs.yml, nav from the folder tree, nothing written to the checkout', async () => {
    const before = await treeDigest(root);
    const { preparedDir, etag } = await preparer.prepare(entityAt(root, '', 'mkdocs.yml'));
    expect(await filesBelow(preparedDir)).toEqual([
      'docs/backup-alias.md',
      'docs/img/diagram.png',
      'docs/index.md',
      'docs/runbooks/backup.md',
      'docs/updates/2026-11.md',
      'mkdocs.yml',
    ]);
    expect(parseYaml(await fs.readFile(join(preparedDir, 'mkdocs.yml'), 'utf8'))).toEqual({
      site_name: 'homelab-gitops',
      docs_dir: 'docs',
      nav: [
        { Homelab: 'index.md' },
        { 'Restore from backup': 'backup-alias.md' },
        { Runbooks: [{ 'Restore from backup': 'runbooks/backup.md' }] },
        { Updates: [{ 'November update': 'updates/2026-11.md' }] },
      ],
      plugins: ['search'],
      markdown_extensions: ['admonition', 'tables', { toc: { permalink: true } }],
    });
    expect(etag).toMatch(/^[0-9a-f]{64}$/);

    const site = await build(preparedDir);
    const built = await filesBelow(site);
    expect(built).toEqual(expect.arrayContaining(['index.html', 'updates/2026-11/index.html', 'runbooks/backup/index.html', 'img/diagram.png']));
    expect(built.filter(f => /leak|outside|unlinked/.test(f))).toEqual([]);
    expect(await treeDigest(root)).toEqual(before);
    await fs.rm(site, { recursive: true });
    await fs.rm(preparedDir, { recursive: true });
  }, 60_000);

  it('makes an app README the page of its Docs tab, with only the assets it links', async () => {
    const before = await treeDigest(root);
    const { preparedDir } = await preparer.prepare(entityAt(root, 'cluster/apps/media/jellyfin', 'kustomization.yaml'));
    expect(await filesBelow(preparedDir)).toEqual(['docs/index.md', 'docs/screenshot.png', 'mkdocs.yml']);
    const site = await build(preparedDir);
    const html = await fs.readFile(join(site, 'index.html'), 'utf8');
    expect(html).toContain('The media server.');
    expect(await treeDigest(root)).toEqual(before);
    await fs.rm(site, { recursive: true });
    await fs.rm(preparedDir, { recursive: true });
  }, 60_000);

  it('says NotModified when the docs hash is the stored etag', async () => {
    const entity = entityAt(root, 'cluster/apps/media/jellyfin', 'kustomization.yaml');
    const { preparedDir, etag } = await preparer.prepare(entity);
    await fs.rm(preparedDir, { recursive: true });
    await expect(preparer.prepare(entity, { etag })).rejects.toMatchObject({ name: 'NotModifiedError' });
    await expect(preparer.prepare(entity, { etag: 'older' })).resolves.toMatchObject({ etag });
  });

  it('keeps a repo mkdocs.yml as written and leaves the example checkout byte for byte', async () => {
    const example = resolve(__dirname, '../../../../examples/homelab-gitops');
    const before = await treeDigest(example);
    const { preparedDir } = await preparer.prepare(entityAt(example, '', 'mkdocs.yml'));
    expect(await filesBelow(preparedDir)).toEqual([
      'docs/architecture.md',
      'docs/index.md',
      'docs/runbooks/ceph-health-warn.md',
      'docs/runbooks/cnpg-failover.md',
      'mkdocs.yml',
    ]);
    expect(await fs.readFile(join(preparedDir, 'mkdocs.yml'), 'utf8')).toBe(
      await fs.readFile(join(example, 'mkdocs.yml'), 'utf8'),
    );
    const site = await build(preparedDir);
    expect(await filesBelow(site)).toEqual(expect.arrayContaining(['runbooks/cnpg-failover/index.html']));
    expect(await treeDigest(example)).toEqual(before);
    await fs.rm(site, { recursive: true });
    await fs.rm(preparedDir, { recursive: true });
  }, 60_000);
});
