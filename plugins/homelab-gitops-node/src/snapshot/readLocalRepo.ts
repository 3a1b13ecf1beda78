import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { RepoFile, RepoReadOptions, RepoSnapshot, SkippedRepoFile } from './types';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from './types';

/** Files discovery reads; everything else (images, binaries) is skipped. */
export const REPO_FILE_PATTERN = /\.(ya?ml|md|json)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'site']);

/** The reason recorded for a file over the size limit. */
export const tooLargeReason = (sizeBytes: number, limit: number) =>
  `skipped: ${formatBytes(sizeBytes)} is over the ${formatBytes(limit)} per-file limit (maxFileSizeBytes)`;

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

interface FileStat {
  path: string;
  full: string;
  size: number;
  mtimeMs: number;
}

async function walk(root: string, dir: string, out: FileStat[]) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const subdirs: string[] = [];
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // Dirent types come from lstat: a symlink is neither a file nor a
    // directory here, so links leaving the repo are never followed.
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) subdirs.push(full);
    } else if (entry.isFile() && REPO_FILE_PATTERN.test(entry.name)) {
      files.push(full);
    }
  }
  // An unchanged refresh is only these calls: let them overlap (the caller sorts).
  await Promise.all([
    ...files.map(async full => {
      const { size, mtimeMs } = await fs.stat(full);
      out.push({ path: relative(root, full).split(sep).join('/'), full, size, mtimeMs });
    }),
    ...subdirs.map(sub => walk(root, sub, out)),
  ]);
}

const execFileAsync = promisify(execFile);

/** Git gets this long to describe the work tree before the stat walk is used. */
const GIT_TIMEOUT_MS = 10_000;

async function git(root: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd: root,
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
    // A read-only reader: no index refresh written back, no pager, no prompt.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_DIR: undefined, GIT_WORK_TREE: undefined },
  });
  return stdout;
}

/**
 * The fingerprint of a git work tree whose top level is `root`: the commit
 * checked out, and every path `git status` reports (modified, staged,
 * deleted, untracked) with its current size and modification time, so a
 * second edit of an already modified file changes it too. Git answers from
 * its index, without a `stat` of ours per file. `undefined` when `root` is
 * not the top of a work tree with a commit, or git is missing or too slow:
 * a folder inside a bigger repo (or ignored by it) is not described by that
 * repo's status.
 */
async function gitFingerprint(root: string, limit: number): Promise<string | undefined> {
  try {
    const [revParse, status] = await Promise.all([
      git(root, ['rev-parse', '--show-toplevel', 'HEAD']),
      git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']),
    ]);
    const [topLevel, head] = revParse.trim().split('\n');
    const [realTop, realRoot] = await Promise.all([fs.realpath(topLevel), fs.realpath(root)]);
    if (realTop !== realRoot || !/^[0-9a-f]{40,64}$/.test(head ?? '')) return undefined;
    // Entries are `XY path`; with --no-renames there is never a second path.
    const entries = status.split('\0').filter(Boolean);
    const described = await Promise.all(
      entries.map(async entry => {
        const st = await fs.lstat(join(root, entry.slice(3))).catch(() => undefined);
        return `${entry}\0${st ? `${st.size}\0${st.mtimeMs}` : 'gone'}\0`;
      }),
    );
    const hash = createHash('sha256');
    hash.update(`git\0${limit}\0${head}\0`);
    described.forEach(d => hash.update(d));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** The fingerprint of every file's path, size and modification time. */
function statFingerprint(stats: FileStat[], limit: number): string {
  const hash = createHash('sha256');
  // The limit is part of the fingerprint: raising it must re-read the tree.
  hash.update(`${limit}\0`);
  for (const f of stats) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\0`);
  return hash.digest('hex');
}

async function walkSorted(root: string): Promise<FileStat[]> {
  const stats: FileStat[] = [];
  await walk(root, root, stats);
  return stats.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads a GitOps repo from a local directory. Files over the size limit are
 * never read: the walk's `stat` already knows their size.
 *
 * The etag is a fingerprint of the tree taken before any file is read, and
 * given the etag of an earlier read (`options.etag`), an unchanged tree
 * returns `undefined` without reading or parsing anything (as `readUrlRepo`
 * does with the UrlReader's etag). When `root` is the top of a git work tree,
 * the fingerprint is the commit checked out plus `git status` (every
 * modified, staged, deleted or untracked path with its size and
 * modification time): an unchanged refresh is two `git` calls, not a `stat`
 * per file. Edits git does not report (files it ignores, or marked
 * assume-unchanged / skip-worktree) are picked up with the next change it
 * does report. Elsewhere, or when git is missing, fails or takes over 10 s,
 * the fingerprint is every file's path, size and modification time; an edit
 * keeping both size and modification time is then picked up with the next
 * change. Both include the size limit, so changing it re-reads the tree.
 *
 * @public
 */
export async function readLocalRepo(root: string, options?: Omit<RepoReadOptions, 'etag'>): Promise<RepoSnapshot>;
/** @public */
export async function readLocalRepo(root: string, options: RepoReadOptions): Promise<RepoSnapshot | undefined>;
export async function readLocalRepo(root: string, options: RepoReadOptions = {}): Promise<RepoSnapshot | undefined> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new Error(`GitOps repo directory ${root} does not exist or is not a directory`);
  }
  const limit = options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES;
  let stats: FileStat[] | undefined;
  let etag = await gitFingerprint(root, limit);
  if (etag === undefined) {
    stats = await walkSorted(root);
    etag = statFingerprint(stats, limit);
  }
  if (options.etag === etag) return undefined;
  stats ??= await walkSorted(root);
  const files: RepoFile[] = [];
  const skipped: SkippedRepoFile[] = [];
  for (const f of stats) {
    if (f.size > limit) {
      skipped.push({ path: f.path, sizeBytes: f.size, reason: tooLargeReason(f.size, limit) });
      continue;
    }
    files.push({ path: f.path, content: await fs.readFile(f.full, 'utf8') });
  }
  return { files, etag, skipped };
}
