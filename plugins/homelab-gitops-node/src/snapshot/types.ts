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
 * The whole repo as read at one moment.
 *
 * @public
 */
export interface RepoSnapshot {
  files: RepoFile[];
  /** Changes whenever any file changes; used to skip unchanged refreshes. */
  etag: string;
}
