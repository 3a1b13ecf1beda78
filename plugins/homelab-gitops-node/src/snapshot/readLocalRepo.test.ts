import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLocalRepo } from './readLocalRepo';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from './types';

const roots: string[] = [];
afterAll(() => roots.forEach(r => rmSync(r, { recursive: true, force: true })));

function repo(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'gitops-read-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Writes a ConfigMap of about `bytes` without holding it in memory. */
function writeLargeConfigMap(path: string, bytes: number) {
  const fd = openSync(path, 'w');
  writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n');
  const line = `  k: ${'x'.repeat(1000)}\n`;
  for (let written = 0; written < bytes; written += line.length) writeSync(fd, line.replace('k:', `k${written}:`));
  closeSync(fd);
}

describe('readLocalRepo', () => {
  it('reads YAML, Markdown and JSON files, sorted, with a content etag', async () => {
    const root = repo({ 'b.yaml': 'b: 1\n', 'a/c.md': '# c', 'logo.png': 'binary', 'x.json': '{}' });
    const first = await readLocalRepo(root);
    expect(first.files.map(f => f.path)).toEqual(['a/c.md', 'b.yaml', 'x.json']);
    expect(first.skipped).toEqual([]);
    expect((await readLocalRepo(root)).etag).toBe(first.etag);
    writeFileSync(join(root, 'b.yaml'), 'b: 2\n');
    expect((await readLocalRepo(root)).etag).not.toBe(first.etag);
  });

  it('skips a 54 MB file unread, once, naming it and its size, with the 4 MiB default', async () => {
    const root = repo({ 'cluster/apps/x/kustomization.yaml': 'kind: Kustomization\n' });
    writeLargeConfigMap(join(root, 'cluster/apps/x/huge-configmap.yaml'), 54 * 1000 * 1000);
    expect(DEFAULT_MAX_FILE_SIZE_BYTES).toBe(4 * 1024 * 1024);
    const snapshot = await readLocalRepo(root);
    expect(snapshot.files.map(f => f.path)).toEqual(['cluster/apps/x/kustomization.yaml']);
    expect(snapshot.skipped).toEqual([
      {
        path: 'cluster/apps/x/huge-configmap.yaml',
        sizeBytes: expect.any(Number),
        reason: expect.stringMatching(/^skipped: 51\.\d MiB is over the 4\.0 MiB per-file limit \(maxFileSizeBytes\)$/),
      },
    ]);
    expect(snapshot.skipped![0].sizeBytes).toBeGreaterThan(54 * 1000 * 1000);
  });

  it('reads a file at the limit and skips one byte over it', async () => {
    const root = repo({ 'at.yaml': 'a'.repeat(100), 'over.yaml': 'a'.repeat(101) });
    const snapshot = await readLocalRepo(root, { maxFileSizeBytes: 100 });
    expect(snapshot.files.map(f => f.path)).toEqual(['at.yaml']);
    expect(snapshot.skipped?.map(s => [s.path, s.sizeBytes])).toEqual([['over.yaml', 101]]);
  });

  it('never follows a symlink, inside or out of the repo', async () => {
    const outside = repo({ 'secret.yaml': 'password: hunter2\n' });
    const root = repo({ 'a.yaml': 'a: 1\n' });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'link.yaml'));
    symlinkSync(outside, join(root, 'linkdir'));
    expect((await readLocalRepo(root)).files.map(f => f.path)).toEqual(['a.yaml']);
  });

  it('says which directory is missing', async () => {
    await expect(readLocalRepo('/nonexistent/repo')).rejects.toThrow('GitOps repo directory /nonexistent/repo does not exist');
  });
});
