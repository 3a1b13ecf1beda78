/**
 * Why a kind could not be read from a cluster. Each says what a person can do.
 *
 * @public
 */
export type StateErrorType =
  /** The service account may not list the kind (HTTP 403). */
  | 'forbidden'
  /** The credentials were refused (HTTP 401). */
  | 'unauthorized'
  /** The CRD is not installed in that cluster (HTTP 404 on the list). */
  | 'not-installed'
  /** No answer within the request timeout. */
  | 'timeout'
  /** Connection refused, DNS failure, TLS failure. */
  | 'unreachable'
  /**
   * The cluster's configured credentials are of a kind this source cannot
   * use, so it is not read at all (never another cluster in its place).
   */
  | 'unsupported-auth'
  | 'unknown';

/** @public */
export interface StateError {
  type: StateErrorType;
  cluster: string;
  /** Kind id, e.g. cnpg-cluster. */
  kind: string;
  message: string;
  /** For forbidden: the ClusterRole rule to add. */
  rbacRule?: string;
}

/**
 * What one cluster answered for one kind. On an error, `items` are the last
 * known ones (if any) and `fetchedAt` says how old they are.
 *
 * @public
 */
export interface ClusterItems<T> {
  cluster: string;
  items: T[];
  /** When `items` were read; undefined if never. */
  fetchedAt?: string;
  error?: StateError;
}
