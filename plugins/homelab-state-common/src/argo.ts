import type { KubeObject, Severity } from './objects';
import { worst } from './objects';

/** @public */
export interface ArgoResourceRef {
  kind: string;
  namespace?: string;
  name: string;
  status?: string;
  health?: string;
  message?: string;
}

/** @public */
export interface ArgoApplicationSummary {
  name: string;
  namespace?: string;
  project?: string;
  severity: Severity;
  syncStatus: string;
  healthStatus: string;
  healthMessage?: string;
  revision?: string;
  operationPhase?: string;
  operationMessage?: string;
  operationFinishedAt?: string;
  reconciledAt?: string;
  outOfSyncResources: ArgoResourceRef[];
  unhealthyResources: ArgoResourceRef[];
  /** Error conditions (ComparisonError, SyncError, …). */
  conditions: Array<{ type: string; message?: string }>;
  /** Why it needs attention; empty when it does not. */
  attentionReasons: string[];
}

const HEALTH_SEVERITY: Record<string, Severity> = {
  Healthy: 'ok',
  Progressing: 'warning',
  Suspended: 'warning',
  Degraded: 'error',
  Missing: 'error',
  Unknown: 'unknown',
};

/**
 * Summarises an Argo CD Application from its status (no Argo API needed).
 *
 * @public
 */
export function deriveArgoApplication(obj: KubeObject): ArgoApplicationSummary {
  const s = obj.status ?? {};
  const syncStatus: string = s.sync?.status ?? 'Unknown';
  const healthStatus: string = s.health?.status ?? 'Unknown';
  const resources: any[] = s.resources ?? [];
  const ref = (r: any): ArgoResourceRef => ({
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    status: r.status,
    health: r.health?.status,
    message: r.health?.message,
  });
  const outOfSyncResources = resources.filter(r => r.status === 'OutOfSync').map(ref);
  const unhealthyResources = resources.filter(r => r.health?.status && r.health.status !== 'Healthy').map(ref);
  const conditions = (s.conditions ?? [])
    .filter((c: any) => /Error|Warning/.test(c.type ?? ''))
    .map((c: any) => ({ type: c.type, message: c.message }));
  const op = s.operationState;

  const reasons: string[] = [];
  if (syncStatus !== 'Synced') reasons.push(syncStatus === 'OutOfSync' ? 'Out of sync' : `Sync ${syncStatus}`);
  if (healthStatus !== 'Healthy') reasons.push(`Health ${healthStatus}`);
  if (op?.phase === 'Failed' || op?.phase === 'Error') reasons.push(`Last sync ${op.phase.toLowerCase()}`);
  for (const c of conditions) reasons.push(c.type);

  let syncSeverity: Severity = 'ok';
  if (syncStatus === 'OutOfSync') syncSeverity = 'warning';
  else if (syncStatus !== 'Synced') syncSeverity = 'unknown';
  const opSeverity: Severity = op?.phase === 'Failed' || op?.phase === 'Error' ? 'error' : 'ok';
  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    project: obj.spec?.project,
    severity: worst(syncSeverity, HEALTH_SEVERITY[healthStatus] ?? 'unknown', opSeverity, conditions.length ? 'error' : 'ok'),
    syncStatus,
    healthStatus,
    healthMessage: s.health?.message,
    revision: s.sync?.revision ?? op?.syncResult?.revision,
    operationPhase: op?.phase,
    operationMessage: op?.message,
    operationFinishedAt: op?.finishedAt,
    reconciledAt: s.reconciledAt,
    outOfSyncResources,
    unhealthyResources,
    conditions,
    attentionReasons: reasons,
  };
}

/** @public */
export interface ArgoOverview {
  total: number;
  synced: number;
  outOfSync: number;
  healthy: number;
  degraded: number;
  progressing: number;
  missing: number;
  suspended: number;
  unknown: number;
  /** Applications that need attention, worst first. */
  needsAttention: ArgoApplicationSummary[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, unknown: 2, ok: 3 };

/**
 * Counts and the needs-attention list over all Applications.
 *
 * @public
 */
export function summarizeArgo(apps: ArgoApplicationSummary[]): ArgoOverview {
  const count = (f: (a: ArgoApplicationSummary) => boolean) => apps.filter(f).length;
  return {
    total: apps.length,
    synced: count(a => a.syncStatus === 'Synced'),
    outOfSync: count(a => a.syncStatus === 'OutOfSync'),
    healthy: count(a => a.healthStatus === 'Healthy'),
    degraded: count(a => a.healthStatus === 'Degraded'),
    progressing: count(a => a.healthStatus === 'Progressing'),
    missing: count(a => a.healthStatus === 'Missing'),
    suspended: count(a => a.healthStatus === 'Suspended'),
    unknown: count(a => a.healthStatus === 'Unknown'),
    needsAttention: apps
      .filter(a => a.attentionReasons.length > 0)
      .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.name.localeCompare(b.name)),
  };
}
