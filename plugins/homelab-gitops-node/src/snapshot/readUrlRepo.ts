import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { RepoFile, RepoSnapshot } from './types';
import { REPO_FILE_PATTERN } from './readLocalRepo';

/**
 * Reads a GitOps repo from a git URL through Backstage's UrlReader (e.g. the
 * GitHub integration). Returns `undefined` when the tree is unchanged since
 * `etag`, so the caller skips all work.
 *
 * @public
 */
export async function readUrlRepo(
  reader: UrlReaderService,
  url: string,
  etag?: string,
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
  const files: RepoFile[] = [];
  for (const file of await response.files()) {
    files.push({ path: file.path, content: (await file.content()).toString('utf8') });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, etag: response.etag };
}
