import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRecentChanges } from './readRecentChanges';

function commit(repo: string, files: Record<string, string>, subject: string, author: string, date: string) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', subject, '-m', 'Body line that is not the subject.'], {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author}@example.test`,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: `${author}@example.test`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo }).toString().trim();
}

describe('readRecentChanges', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'recent-changes-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists commits newest first with subject, author, date and changed paths', async () => {
    const repo = join(root, 'gitops');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    const first = commit(
      repo,
      { 'cluster/apps/media/jellyfin/kustomization.yaml': 'resources: []\n', 'README.md': '# repo\n' },
      'Add jellyfin',
      'alice',
      '2026-11-01T10:00:00Z',
    );
    const second = commit(
      repo,
      { 'cluster/apps/media/immich/kustomization.yaml': 'resources: []\n', 'cluster/apps/media/jellyfin/values.yaml': 'a: 1\n' },
      'Add immich, tune jellyfin',
      'bob',
      '2026-11-02T11:30:00Z',
    );

    expect(await readRecentChanges(repo)).toEqual([
      {
        sha: second,
        subject: 'Add immich, tune jellyfin',
        author: 'bob',
        date: '2026-11-02T11:30:00.000Z',
        paths: ['cluster/apps/media/immich/kustomization.yaml', 'cluster/apps/media/jellyfin/values.yaml'],
      },
      {
        sha: first,
        subject: 'Add jellyfin',
        author: 'alice',
        date: '2026-11-01T10:00:00.000Z',
        paths: ['README.md', 'cluster/apps/media/jellyfin/kustomization.yaml'],
      },
    ]);
    expect((await readRecentChanges(repo, { limit: 1 }))?.map(c => c.sha)).toEqual([second]);
  });

  it('reads a folder inside a larger repository relative to that folder', async () => {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
    commit(root, { 'elsewhere/notes.md': 'x\n' }, 'Outside the GitOps folder', 'carol', '2026-11-03T09:00:00Z');
    const sha = commit(root, { 'gitops/cluster/apps/a/kustomization.yaml': 'resources: []\n' }, 'Add a', 'carol', '2026-11-04T09:00:00Z');

    expect(await readRecentChanges(join(root, 'gitops'))).toEqual([
      { sha, subject: 'Add a', author: 'carol', date: '2026-11-04T09:00:00.000Z', paths: ['cluster/apps/a/kustomization.yaml'] },
    ]);
  });

  it('answers undefined for a folder that is not a git checkout, or one without commits', async () => {
    writeFileSync(join(root, 'kustomization.yaml'), 'resources: []\n');
    expect(await readRecentChanges(root)).toBeUndefined();
    execFileSync('git', ['init', '-q'], { cwd: root });
    expect(await readRecentChanges(root)).toBeUndefined();
  });

  it('rejects a folder that does not exist', async () => {
    await expect(readRecentChanges(join(root, 'missing'))).rejects.toThrow(/ENOENT|spawn/);
  });
});
