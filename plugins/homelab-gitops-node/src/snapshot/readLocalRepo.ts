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

interface Walk {
  root: string;
  limit: number;
  files: RepoFile[];
  skipped: SkippedRepoFile[];
  /** Size and mtime of skipped files, so the etag still sees them change. */
  skippedStamps: string[];
}

async function walk(w: Walk, dir: string) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // Dirent types come from lstat: a symlink is neither a file nor a
    // directory here, so links leaving the repo are never followed.
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(w, full);
    } else if (entry.isFile() && REPO_FILE_PATTERN.test(entry.name)) {
      const path = relative(w.root, full).split(sep).join('/');
      const stat = await fs.stat(full);
      if (stat.size > w.limit) {
        w.skipped.push({ path, sizeBytes: stat.size, reason: tooLargeReason(stat.size, w.limit) });
        w.skippedStamps.push(`${path}\0${stat.size}\0${stat.mtimeMs}`);
        continue;
      }
      w.files.push({ path, content: await fs.readFile(full, 'utf8') });
    }
  }
}

/**
 * Reads a GitOps repo from a local directory. The etag is a hash of every
 * file's path and content, so an unchanged tree is recognised without
 * trusting modification times. Files over the size limit are never read.
 *
 * @public
 */
export async function readLocalRepo(root: string, options: RepoReadOptions = {}): Promise<RepoSnapshot> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new Error(`GitOps repo directory ${root} does not exist or is not a directory`);
  }
  const w: Walk = {
    root,
    limit: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES,
    files: [],
    skipped: [],
    skippedStamps: [],
  };
  await walk(w, root);
  w.files.sort((a, b) => a.path.localeCompare(b.path));
  w.skipped.sort((a, b) => a.path.localeCompare(b.path));
  const hash = createHash('sha256');
  for (const f of w.files) hash.update(f.path).update('\0').update(f.content).update('\0');
  for (const s of w.skippedStamps.sort()) hash.update(s).update('\0');
  return { files: w.files, etag: hash.digest('hex'), skipped: w.skipped };
}
