import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import type { RepoReadOptions, RepoSnapshot } from './types';
import { readLocalRepo, REPO_FILE_PATTERN } from './readLocalRepo';

/**
 * Reads a GitOps repo from a git URL through Backstage's UrlReader (e.g. the
 * GitHub integration). Returns `undefined` when the tree is unchanged since
 * `etag`, so the caller skips all work.
 *
 * The tree is extracted to a temporary directory (`dir()` streams the
 * archive to disk) and read like a local checkout, so the per-file size
 * limit is checked on disk before a file is loaded into memory.
 *
 * @public
 */
export async function readUrlRepo(
  reader: UrlReaderService,
  url: string,
  etag?: string,
  options: RepoReadOptions = {},
): Promise<RepoSnapshot | undefined> {
  let response;
  try {
    response = await reader.readTree(url, {
      etag,
      filter: path => REPO_FILE_PATTERN.test(path),
    });
  } catch (e) {
    if ((e as Error).name === 'NotModifiedError') return undefined;
    throw e;
  }
  const dir = await response.dir();
  try {
    const local = await readLocalRepo(dir, options);
    return { ...local, etag: response.etag };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
