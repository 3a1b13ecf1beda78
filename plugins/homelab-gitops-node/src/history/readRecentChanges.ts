import { execFile } from 'node:child_process';

/** One commit of a GitOps checkout, with the paths it touched. */
export type RecentCommit = {
  sha: string;
  /** First line of the commit message. */
  subject: string;
  author: string;
  /** Author date, ISO 8601 in UTC. */
  date: string;
  /** Changed paths relative to the checkout directory, as git prints them. */
  paths: string[];
};

const RECORD = '\x1e';
const FIELD = '\x1f';

function git(dir: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      // quotepath off: non-ASCII paths come back as they are, not octal-escaped.
      ['-c', 'core.quotepath=off', ...args],
      { cwd: dir, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (error) {
          reject(Object.assign(error, { stderr: String(stderr) }));
          return;
        }
        resolvePromise(String(stdout));
      },
    );
  });
}

/**
 * The latest commits of the git checkout at `dir`, newest first, each with
 * the paths it changed below `dir`. Read-only (`git log`). Resolves to
 * `undefined` when `dir` is not inside a git work tree or has no commits,
 * so callers can fall back to another source; any other git failure
 * (timeout, missing git) rejects.
 */
export async function readRecentChanges(
  dir: string,
  options: { limit?: number; timeoutMs?: number } = {},
): Promise<RecentCommit[] | undefined> {
  const limit = options.limit ?? 20;
  const timeoutMs = options.timeoutMs ?? 5_000;
  try {
    const inside = await git(dir, ['rev-parse', '--is-inside-work-tree'], timeoutMs);
    if (inside.trim() !== 'true') return undefined;
    await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD'], timeoutMs);
  } catch (error) {
    const e = error as { code?: unknown; killed?: boolean };
    // git exits 128 outside a repo and 1 for a repo without commits.
    if (!e.killed && (e.code === 128 || e.code === 1)) return undefined;
    throw error;
  }
  // --relative with `-- .`: paths are relative to `dir` even when it is a
  // folder inside a larger repository, and commits outside it are skipped.
  const out = await git(
    dir,
    ['log', `--max-count=${limit}`, '--no-merges', '--name-only', '--relative', `--format=${RECORD}%H${FIELD}%an${FIELD}%aI${FIELD}%s`, '--', '.'],
    timeoutMs,
  );
  return out
    .split(RECORD)
    .filter(record => record.trim())
    .map(record => {
      const [header, ...rest] = record.split('\n');
      const [sha, author, date, subject] = header.split(FIELD);
      return { sha, subject, author, date: new Date(date).toISOString(), paths: rest.map(p => p.trim()).filter(Boolean) };
    });
}
