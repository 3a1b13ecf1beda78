import type { KubeObject, ObjectKind, StateError, StateErrorType } from '@internal/plugin-homelab-state-common';
import { rbacRuleFor } from '@internal/plugin-homelab-state-common';
import { CustomErrorBase } from '@backstage/errors';

/**
 * Where objects come from: a cluster's API, or recorded dumps.
 *
 * @public
 */
export interface ObjectSource {
  /** Names of the clusters this source reads (a source may have to ask for them). */
  clusters(): string[] | Promise<string[]>;
  /**
   * Lists every object of a kind in one cluster, across namespaces.
   * Fails with a StateReadError that says what went wrong.
   */
  list(cluster: string, kind: ObjectKind, signal?: AbortSignal): Promise<KubeObject[]>;
}

/**
 * A failed read, typed so the UI can say what to do about it.
 *
 * @public
 */
export class StateReadError extends CustomErrorBase {
  name = 'StateReadError' as const;
  readonly error: StateError;

  constructor(type: StateErrorType, cluster: string, kind: ObjectKind, message: string, cause?: unknown) {
    super(message, cause);
    this.error = {
      type,
      cluster,
      kind: kind.id,
      message,
      ...(type === 'forbidden' ? { rbacRule: rbacRuleFor(kind) } : {}),
    };
  }
}

/** Explains an HTTP status of a list call in words a homelab owner can act on. */
export function errorForStatus(status: number, cluster: string, kind: ObjectKind, detail?: string): StateReadError {
  const what = `${kind.plural}.${kind.group}`;
  if (status === 403) {
    return new StateReadError('forbidden', cluster, kind, `The portal's service account may not list ${what} in cluster ${cluster}; add the RBAC rule shown to its ClusterRole`);
  }
  if (status === 401) {
    return new StateReadError('unauthorized', cluster, kind, `Cluster ${cluster} refused the portal's credentials (HTTP 401); check its service account token`);
  }
  if (status === 404) {
    return new StateReadError('not-installed', cluster, kind, `${kind.kind} (${what}) is not installed in cluster ${cluster}`);
  }
  return new StateReadError('unknown', cluster, kind, `Listing ${what} in cluster ${cluster} failed with HTTP ${status}${detail ? `: ${detail}` : ''}`);
}
