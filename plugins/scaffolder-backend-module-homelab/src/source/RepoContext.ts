import type {
  GitOpsLayout,
  RepoConventions,
  RepoModel,
  RepoSnapshot,
} from '@internal/plugin-homelab-gitops-node';

/**
 * One GitOps source, read once for a plan.
 *
 * @public
 */
export interface RepoContext {
  sourceId: string;
  /** Absolute directory for a local (git checkout) source. */
  path?: string;
  /** Repo URL for a remote source. */
  url?: string;
  snapshot: RepoSnapshot;
  model: RepoModel;
  layout: GitOpsLayout;
  conventions: RepoConventions;
}
