/**
 * One text file of the GitOps repo.
 *
 * @public
 */
export interface RepoFile {
  /** Path relative to the repo root, with forward slashes. */
  path: string;
  content: string;
}

/**
 * A file left out of the snapshot, and why (e.g. larger than the limit).
 *
 * @public
 */
export interface SkippedRepoFile {
  path: string;
  sizeBytes: number;
  reason: string;
}

/**
 * The whole repo as read at one moment.
 *
 * @public
 */
export interface RepoSnapshot {
  files: RepoFile[];
  /** Changes whenever any file changes; used to skip unchanged refreshes. */
  etag: string;
  /** Files not read at all; each becomes one problem of the model. */
  skipped?: SkippedRepoFile[];
}

/**
 * How a repo is read.
 *
 * @public
 */
export interface RepoReadOptions {
  /**
   * Files larger than this are skipped with one warning, before any byte of
   * them is read. Default {@link DEFAULT_MAX_FILE_SIZE_BYTES}.
   */
  maxFileSizeBytes?: number;
  /**
   * The etag of an earlier read of a local tree: when the tree is unchanged,
   * `readLocalRepo` returns `undefined` without reading any file.
   */
  etag?: string;
}

/**
 * 4 MiB: above the largest operator bundles real repos keep (about 1–2 MB),
 * far below what would make one file dominate the backend's memory.
 *
 * @public
 */
export const DEFAULT_MAX_FILE_SIZE_BYTES = 4 * 1024 * 1024;
