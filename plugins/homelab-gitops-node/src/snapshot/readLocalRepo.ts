import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

/**
 * Reads a GitOps repo from a local directory. Files over the size limit are
 * never read: the walk's `stat` already knows their size.
 *
 * The etag is a fingerprint of every file's path, size and modification
 * time, taken before any file is read. Given the etag of an earlier read
 * (`options.etag`), an unchanged tree costs one `stat` per file and returns
 * `undefined` without reading or parsing anything (as `readUrlRepo` does with
 * the UrlReader's etag). Git checkouts and editors change the modification
 * time of what they write; an edit that keeps both size and modification
 * time is picked up with the next change.
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
  const stats: FileStat[] = [];
  await walk(root, root, stats);
  stats.sort((a, b) => a.path.localeCompare(b.path));
  const hash = createHash('sha256');
  // The limit is part of the fingerprint: raising it must re-read the tree.
  hash.update(`${limit}\0`);
  for (const f of stats) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\0`);
  const etag = hash.digest('hex');
  if (options.etag === etag) return undefined;
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
