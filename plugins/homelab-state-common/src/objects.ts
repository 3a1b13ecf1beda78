/**
 * Metadata of an object as the API server returns it.
 *
 * @public
 */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  generation?: number;
}

/**
 * A Kubernetes object; spec and status typed loosely on purpose: the
 * derivations read them defensively, since controllers differ by version.
 *
 * @public
 */
export interface KubeObject<Spec = any, Status = any> {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: Spec;
  status?: Status;
}

/** @public */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * How bad it is; drives colours and sorting.
 *
 * @public
 */
export type Severity = 'ok' | 'warning' | 'error' | 'unknown';

const RANK: Record<Severity, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/**
 * Orders severities, worst first, for sorting.
 *
 * @public
 */
export function bySeverity<T extends { severity: Severity }>(a: T, b: T): number {
  return RANK[b.severity] - RANK[a.severity];
}

/**
 * The worst of some severities.
 *
 * @public
 */
export function worst(...severities: Severity[]): Severity {
  return severities.reduce<Severity>((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
}

/** @public */
export function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find(c => c.type === type);
}

/**
 * Hours between two RFC3339 times, or undefined.
 *
 * @public
 */
export function hoursBetween(from: string | undefined, to: Date): number | undefined {
  if (!from) return undefined;
  const t = Date.parse(from);
  return Number.isNaN(t) ? undefined : (to.getTime() - t) / 3_600_000;
}
