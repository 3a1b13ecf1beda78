import { execFileSync } from 'node:child_process';
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

describe('readLocalRepo on a git work tree', () => {
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
  const git = (root: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: root, env: gitEnv });

  function gitRepo(files: Record<string, string>) {
    const root = repo(files);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'initial');
    return root;
  }

  /** The etag now, and that the tree counts as unchanged under it. */
  async function etagOf(root: string, maxFileSizeBytes?: number) {
    const { etag } = await readLocalRepo(root, { maxFileSizeBytes });
    await expect(readLocalRepo(root, { etag, maxFileSizeBytes })).resolves.toBeUndefined();
    return etag;
  }

  it('keeps the etag while nothing changes, and takes it from git, not from a stat of each file', async () => {
    const root = gitRepo({ 'a.yaml': 'a: 1\n', 'apps/b.yaml': 'b: 1\n' });
    const first = await etagOf(root);
    expect(await etagOf(root)).toBe(first);
    // Same files, same sizes and times: only the commit differs.
    git(root, 'commit', '-q', '--allow-empty', '-m', 'empty');
    expect(await etagOf(root)).not.toBe(first);
  });

  it('changes the etag on each uncommitted edit of a tracked file, and reads the edit', async () => {
    const root = gitRepo({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    const clean = await etagOf(root);
    writeFileSync(join(root, 'a.yaml'), 'a: 2\n');
    const edited = await readLocalRepo(root, { etag: clean });
    expect(edited?.etag).not.toBe(clean);
    expect(edited?.files).toEqual([
      { path: 'a.yaml', content: 'a: 2\n' },
      { path: 'b.yaml', content: 'b: 1\n' },
    ]);
    // Still ` M a.yaml` for git: the second edit is seen by its size.
    writeFileSync(join(root, 'a.yaml'), 'a: 333\n');
    const again = await readLocalRepo(root, { etag: edited!.etag });
    expect(again?.etag).not.toBe(edited?.etag);
    expect(again?.files.find(f => f.path === 'a.yaml')?.content).toBe('a: 333\n');
  });

  it('changes the etag when an untracked file is added, and reads it', async () => {
    const root = gitRepo({ 'a.yaml': 'a: 1\n' });
    const clean = await etagOf(root);
    mkdirSync(join(root, 'new/app'), { recursive: true });
    writeFileSync(join(root, 'new/app/c.yaml'), 'c: 1\n');
    const added = await readLocalRepo(root, { etag: clean });
    expect(added?.files.map(f => f.path)).toEqual(['a.yaml', 'new/app/c.yaml']);
    expect(await etagOf(root)).toBe(added?.etag);
  });

  it('changes the etag on a commit of the same edit, and when the file is deleted', async () => {
    const root = gitRepo({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    writeFileSync(join(root, 'a.yaml'), 'a: 2\n');
    const dirty = await etagOf(root);
    git(root, 'commit', '-q', '-am', 'edit');
    const committed = await etagOf(root);
    expect(committed).not.toBe(dirty);
    rmSync(join(root, 'b.yaml'));
    const deleted = await readLocalRepo(root, { etag: committed });
    expect(deleted?.files.map(f => f.path)).toEqual(['a.yaml']);
  });

  it('changes the etag when the size limit changes', async () => {
    const root = gitRepo({ 'a.yaml': 'a'.repeat(100) });
    const at100 = await etagOf(root, 100);
    const at99 = await readLocalRepo(root, { etag: at100, maxFileSizeBytes: 99 });
    expect(at99?.files).toEqual([]);
    expect(at99?.skipped?.map(s => s.path)).toEqual(['a.yaml']);
  });

  it('falls back to the stat fingerprint for a folder that git ignores', async () => {
    const root = gitRepo({ '.gitignore': 'data/\n', 'a.yaml': 'a: 1\n' });
    mkdirSync(join(root, 'data/gitops'), { recursive: true });
    const inner = join(root, 'data/gitops');
    writeFileSync(join(inner, 'x.yaml'), 'x: 1\n');
    const first = await etagOf(inner);
    writeFileSync(join(inner, 'x.yaml'), 'x: 22\n');
    const edited = await readLocalRepo(inner, { etag: first });
    expect(edited?.files).toEqual([{ path: 'x.yaml', content: 'x: 22\n' }]);
  });

  it('falls back to the stat fingerprint when git is not installed', async () => {
    const root = gitRepo({ 'a.yaml': 'a: 1\n' });
    const withGit = await etagOf(root);
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const withoutGit = await etagOf(root);
      expect(withoutGit).not.toBe(withGit);
      writeFileSync(join(root, 'a.yaml'), 'a: 22\n');
      const edited = await readLocalRepo(root, { etag: withoutGit });
      expect(edited?.files).toEqual([{ path: 'a.yaml', content: 'a: 22\n' }]);
    } finally {
      process.env.PATH = path;
    }
  });
});
