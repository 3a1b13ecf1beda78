/**
 * A component changed by a commit of its GitOps repo, as served by
 * `GET /api/homelab-gitops/recent-changes`.
 *
 * @public
 */
export type RecentComponentChange = {
  /** Entity ref of the component whose `gitops-path` covers a changed path. */
  entityRef: string;
  name: string;
  title?: string;
  /** The GitOps source (config id) the commit belongs to. */
  source: string;
  sha: string;
  /** First line of the commit message. */
  subject: string;
  author: string;
  /** Author date, ISO 8601 in UTC. */
  date: string;
};

/**
 * `source: 'git'` when at least one GitOps source is a git checkout the
 * backend could read; `'catalog'` when none is (url sources, or a folder
 * that is not a checkout) — then `items` is empty and clients fall back to
 * the catalog.
 *
 * @public
 */
export type RecentChangesResponse = {
  source: 'git' | 'catalog';
  items: RecentComponentChange[];
};
