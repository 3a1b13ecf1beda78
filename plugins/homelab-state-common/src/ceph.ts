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
  /**
   * Capacity was last updated before the last health check (the mgr that
   * reports it is down, or the operator cannot reach the cluster).
   */
  stale: boolean;
  /** How much older than the last health check, in hours, when stale. */
  staleAgeHours?: number;
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
  /** The operator failed to reconcile the cluster; the message it wrote. */
  reconcileFailure?: string;
  /** The cluster is being created or the operator is mid-reconcile. */
  progressing: boolean;
  /** External cluster (spec.external.enable): Rook only connects to it. */
  external: boolean;
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

/**
 * Severity of one health detail. Ceph writes HEALTH_WARN / HEALTH_ERR; Rook
 * writes its own (`Urgent`) when it cannot query the cluster at all, which is
 * an error, not an unknown.
 */
function checkSeverity(severity: unknown): Severity {
  if (typeof severity !== 'string' || severity === '') return 'unknown';
  return HEALTH_SEVERITY[severity] ?? 'error';
}

const FAILED_RE = /\bfail(ed|ure|s)?\b|\berror\b/i;

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
    .map(([id, d]) => ({ id, severity: checkSeverity(d?.severity), message: String(d?.message ?? '') }))
    .sort((a, b) => bySeverity(a, b) || a.id.localeCompare(b.id));

  let capacity: CephCapacity | undefined;
  const total = Number(ceph.capacity?.bytesTotal);
  if (total > 0) {
    const used = Number(ceph.capacity.bytesUsed ?? 0);
    const percentUsed = Math.round((used / total) * 1000) / 10;
    let severity: Severity = 'ok';
    if (percentUsed >= thresholds.errorPercent) severity = 'error';
    else if (percentUsed >= thresholds.warningPercent) severity = 'warning';
    const updatedAt = Date.parse(ceph.capacity.lastUpdated ?? '');
    const checkedAt = Date.parse(ceph.lastChecked ?? '');
    const stale = !Number.isNaN(updatedAt) && !Number.isNaN(checkedAt) && updatedAt < checkedAt;
    capacity = {
      totalBytes: total,
      usedBytes: used,
      availableBytes: Number(ceph.capacity.bytesAvailable ?? total - used),
      percentUsed,
      lastUpdated: ceph.capacity.lastUpdated,
      severity,
      stale,
      staleAgeHours: stale ? Math.round(((checkedAt - updatedAt) / 3_600_000) * 10) / 10 : undefined,
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
  const progressingCond = findCondition(conditions, 'Progressing');
  // Rook reports a failed reconcile as Progressing=False with the error as
  // message (and repeats it in status.message); Progressing=False with
  // "completed" wording is the legacy success marker and is not a failure.
  let reconcileFailure: string | undefined;
  if (progressingCond?.status === 'False' && FAILED_RE.test(progressingCond.message ?? '')) reconcileFailure = progressingCond.message;
  else if (FAILED_RE.test(status.message ?? '') && !/^Cluster has (critical errors|warnings)$/.test(status.message)) reconcileFailure = status.message;
  const progressing =
    !reconcileFailure &&
    (status.state === 'Creating' || status.phase === 'Progressing' || status.state === 'Updating' || progressingCond?.status === 'True');

  let phaseSeverity: Severity = 'ok';
  if (reconcileFailure || status.phase === 'Failure' || status.state === 'Error') phaseSeverity = 'error';
  else if (progressing && !ceph.health) phaseSeverity = 'unknown';
  else if (status.phase && !['Ready', 'Connected', 'Progressing'].includes(status.phase)) phaseSeverity = 'warning';
  else if (ready && ready.status !== 'True') phaseSeverity = 'warning';
  const healthSeverity: Severity = ceph.health ? HEALTH_SEVERITY[ceph.health] ?? 'error' : 'unknown';

  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    health: ceph.health,
    severity: worst(healthSeverity, phaseSeverity, capacity?.severity ?? 'ok', ...checks.map(c => c.severity)),
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
    reconcileFailure,
    progressing,
    external: obj.spec?.external?.enable === true,
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
  /** RBD mirroring health (status.mirroringStatus.summary), when mirroring is on. */
  mirroring?: { health?: string; daemonHealth?: string; imageHealth?: string; states: Record<string, number> };
}

const MIRROR_SEVERITY: Record<string, Severity> = { OK: 'ok', WARNING: 'warning', ERROR: 'error' };

/**
 * Summarises a CephBlockPool, CephFilesystem or CephObjectStore by phase
 * (and, for a mirrored pool, its mirroring health).
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
  const summary = obj.status?.mirroringStatus?.summary;
  let mirroring: CephPoolSummary['mirroring'];
  if (summary) {
    mirroring = {
      health: summary.health,
      daemonHealth: summary.daemon_health,
      imageHealth: summary.image_health,
      states: { ...(summary.states ?? {}) },
    };
    const mirrorSeverities = [summary.health, summary.daemon_health, summary.image_health]
      .filter(Boolean)
      .map((h: string) => MIRROR_SEVERITY[h] ?? 'unknown');
    severity = worst(severity === 'unknown' && mirrorSeverities.length ? 'ok' : severity, ...mirrorSeverities);
  }
  let message: string | undefined = failing?.message ?? obj.status?.info?.message;
  if (!message && mirroring && severity !== 'ok') message = `Mirroring ${mirroring.health ?? 'unknown'} (daemon ${mirroring.daemonHealth ?? '?'}, images ${mirroring.imageHealth ?? '?'})`;
  return {
    kind: obj.kind ?? 'CephBlockPool',
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    phase,
    severity,
    message,
    mirroring,
  };
}

/** @public */
export interface CephHealthReport {
  status?: string;
  severity: Severity;
  checks: CephHealthCheck[];
}

/**
 * Reads the `health` member of `ceph status -f json` (checks as a map keyed
 * by code) or of the Ceph Dashboard API (checks as a list with `type`).
 *
 * @public
 */
export function deriveCephHealthReport(health: any): CephHealthReport {
  const raw = health?.checks ?? {};
  const entries: Array<[string, any]> = Array.isArray(raw) ? raw.map((c: any) => [String(c?.type ?? ''), c]) : Object.entries<any>(raw);
  const checks = entries
    .map(([id, c]) => {
      const details = (c?.detail ?? []).map((d: any) => d?.message).filter(Boolean);
      return {
        id,
        // A check listed without severity (seen in Proxmox pass-through) is still a problem.
        severity: c?.severity ? checkSeverity(c.severity) : 'warning' as Severity,
        message: String(c?.summary?.message ?? details.join('; ')),
      };
    })
    .sort((a, b) => bySeverity(a, b) || a.id.localeCompare(b.id));
  const status: string | undefined = health?.status;
  const statusSeverity: Severity = status ? HEALTH_SEVERITY[status] ?? 'error' : 'unknown';
  return { status, severity: worst(statusSeverity, ...checks.map(c => c.severity)), checks };
}
