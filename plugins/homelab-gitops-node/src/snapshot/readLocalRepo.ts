import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RepoFile, RepoSnapshot } from './types';

/** Files discovery reads; everything else (images, binaries) is skipped. */
export const REPO_FILE_PATTERN = /\.(ya?ml|md|json)$/i;
const SKIP_DIRS = new Set(['.git', 'node_modules', 'site']);

async function walk(root: string, dir: string, out: RepoFile[]) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(root, full, out);
    } else if (entry.isFile() && REPO_FILE_PATTERN.test(entry.name)) {
      out.push({
        path: relative(root, full).split(sep).join('/'),
        content: await fs.readFile(full, 'utf8'),
      });
    }
  }
}

/**
 * Reads a GitOps repo from a local directory. The etag is a hash of every
 * file's path and content, so an unchanged tree is recognised without
 * trusting modification times.
 *
 * @public
 */
export async function readLocalRepo(root: string): Promise<RepoSnapshot> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new Error(`GitOps repo directory ${root} does not exist or is not a directory`);
  }
  const files: RepoFile[] = [];
  await walk(root, root, files);
  files.sort((a, b) => a.path.localeCompare(b.path));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.content).update('\0');
  return { files, etag: hash.digest('hex') };
}
