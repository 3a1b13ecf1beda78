import type { Condition, KubeObject, Severity } from './objects';
import { bySeverity, findCondition, worst } from './objects';

/** @public */
export interface CephHealthCheck {
  id: string;
  severity: Severity;
  message: string;
}

/** @public */
export interface CephCapacity {
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  percentUsed: number;
  lastUpdated?: string;
  severity: Severity;
}

/** @public */
export interface CephClusterSummary {
  name: string;
  namespace?: string;
  /** HEALTH_OK, HEALTH_WARN, HEALTH_ERR, or undefined when Ceph has not reported yet. */
  health?: string;
  severity: Severity;
  phase?: string;
  state?: string;
  message?: string;
  lastChecked?: string;
  fsid?: string;
  checks: CephHealthCheck[];
  capacity?: CephCapacity;
  /** Daemon type (mon, mgr, osd, mds, rgw) -> how many run. */
  daemons: Record<string, number>;
  /** Distinct Ceph versions running, e.g. ["19.2.2"]. */
  versions: string[];
  cephVersion?: string;
  /** True when more than one Ceph version runs (an upgrade is under way or stuck). */
  mixedVersions: boolean;
  conditions: Condition[];
}

/** @public */
export interface CephCapacityThresholds {
  /** Percent used from which capacity is a warning. Ceph's own nearfull ratio is 85%. */
  warningPercent: number;
  errorPercent: number;
}

/** @public */
export const DEFAULT_CEPH_THRESHOLDS: CephCapacityThresholds = { warningPercent: 75, errorPercent: 85 };

const HEALTH_SEVERITY: Record<string, Severity> = {
  HEALTH_OK: 'ok',
  HEALTH_WARN: 'warning',
  HEALTH_ERR: 'error',
};

const VERSION_RE = /ceph version (\d+\.\d+\.\d+)/;

/**
 * Summarises a Rook CephCluster from its status.
 *
 * @public
 */
export function deriveCephCluster(
  obj: KubeObject,
  thresholds: CephCapacityThresholds = DEFAULT_CEPH_THRESHOLDS,
): CephClusterSummary {
  const status = obj.status ?? {};
  const ceph = status.ceph ?? {};
  const checks: CephHealthCheck[] = Object.entries<any>(ceph.details ?? {})
    .map(([id, d]) => ({ id, severity: HEALTH_SEVERITY[d?.severity] ?? 'unknown', message: String(d?.message ?? '') }))
    .sort((a, b) => bySeverity(a, b) || a.id.localeCompare(b.id));

  let capacity: CephCapacity | undefined;
  const total = Number(ceph.capacity?.bytesTotal);
  if (total > 0) {
    const used = Number(ceph.capacity.bytesUsed ?? 0);
    const percentUsed = Math.round((used / total) * 1000) / 10;
    let severity: Severity = 'ok';
    if (percentUsed >= thresholds.errorPercent) severity = 'error';
    else if (percentUsed >= thresholds.warningPercent) severity = 'warning';
    capacity = {
      totalBytes: total,
      usedBytes: used,
      availableBytes: Number(ceph.capacity.bytesAvailable ?? total - used),
      percentUsed,
      lastUpdated: ceph.capacity.lastUpdated,
      severity,
    };
  }

  const daemons: Record<string, number> = {};
  const versions = new Set<string>();
  for (const [daemon, byVersion] of Object.entries<Record<string, number>>(ceph.versions ?? {})) {
    if (daemon === 'overall') continue;
    daemons[daemon] = Object.values(byVersion ?? {}).reduce((a, b) => a + Number(b), 0);
    for (const v of Object.keys(byVersion ?? {})) {
      const m = v.match(VERSION_RE);
      versions.add(m ? m[1] : v);
    }
  }

  const conditions: Condition[] = status.conditions ?? [];
  const ready = findCondition(conditions, 'Ready');
  let phaseSeverity: Severity = 'ok';
  if (status.phase === 'Failure' || status.state === 'Error') phaseSeverity = 'error';
  else if (status.phase && status.phase !== 'Ready') phaseSeverity = 'warning';
  else if (ready && ready.status !== 'True') phaseSeverity = 'warning';
  const healthSeverity: Severity = ceph.health ? HEALTH_SEVERITY[ceph.health] ?? 'unknown' : 'unknown';

  return {
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    health: ceph.health,
    severity: worst(healthSeverity, phaseSeverity, capacity?.severity ?? 'ok'),
    phase: status.phase,
    state: status.state,
    message: status.message,
    lastChecked: ceph.lastChecked,
    fsid: ceph.fsid,
    checks,
    capacity,
    daemons,
    versions: [...versions].sort(),
    cephVersion: status.version?.version,
    mixedVersions: versions.size > 1,
    conditions,
  };
}

/** @public */
export interface CephPoolSummary {
  kind: string;
  name: string;
  namespace?: string;
  phase?: string;
  severity: Severity;
  message?: string;
}

/**
 * Summarises a CephBlockPool, CephFilesystem or CephObjectStore by phase.
 *
 * @public
 */
export function deriveCephPool(obj: KubeObject): CephPoolSummary {
  const phase: string | undefined = obj.status?.phase;
  let severity: Severity = 'unknown';
  if (phase === 'Ready' || phase === 'Connected') severity = 'ok';
  else if (phase === 'Failure' || phase === 'Failed') severity = 'error';
  else if (phase) severity = 'warning';
  const failing = (obj.status?.conditions ?? []).find((c: Condition) => c.status === 'False' && c.message);
  return {
    kind: obj.kind ?? 'CephBlockPool',
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    phase,
    severity,
    message: failing?.message ?? obj.status?.info?.message,
  };
}
