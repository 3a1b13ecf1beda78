import type { Condition, KubeObject, Severity } from './objects';
import { findCondition, hoursBetween, worst } from './objects';

/** @public */
export interface CnpgInstance {
  name: string;
  role: 'primary' | 'replica';
  /** healthy, replicating, failed, … as CNPG reports it in instancesStatus. */
  status: string;
  ready: boolean;
  timeline?: number;
}

/** @public */
export interface CnpgBackupSummary {
  name: string;
  phase?: string;
  method?: string;
  startedAt?: string;
  stoppedAt?: string;
  error?: string;
  severity: Severity;
}

/** @public */
export interface CnpgScheduledBackupSummary {
  name: string;
  schedule?: string;
  suspended: boolean;
  lastScheduleTime?: string;
  nextScheduleTime?: string;
}

/** @public */
export interface CnpgPoolerSummary {
  name: string;
  type?: string;
  instances?: number;
  readyInstances?: number;
}

/** @public */
export interface CnpgClusterSummary {
  name: string;
  namespace?: string;
  phase?: string;
  phaseReason?: string;
  severity: Severity;
  /** Short sentences saying what is wrong, worst first. */
  problems: string[];
  instances: number;
  readyInstances: number;
  currentPrimary?: string;
  targetPrimary?: string;
  /** targetPrimary differs from currentPrimary: a switchover or failover is under way. */
  switchoverInProgress: boolean;
  timeline?: number;
  instanceList: CnpgInstance[];
  conditions: Record<'Ready' | 'ContinuousArchiving' | 'LastBackupSucceeded', Condition | undefined>;
  firstRecoverabilityPoint?: string;
  lastSuccessfulBackup?: string;
  lastSuccessfulBackupAgeHours?: number;
  /** fresh: within the threshold; stale: older; none: never backed up. */
  backupFreshness: 'fresh' | 'stale' | 'none';
  scheduledBackups: CnpgScheduledBackupSummary[];
  recentBackups: CnpgBackupSummary[];
  poolers: CnpgPoolerSummary[];
}

/** @public */
export interface CnpgDerivationOptions {
  now: Date;
  /** A last successful backup older than this is stale. Default 26 h (a daily backup plus slack). */
  staleBackupHours?: number;
  /** How many recent backups to keep, newest first. Default 5. */
  recentBackups?: number;
}

const BACKUP_PHASE_SEVERITY: Record<string, Severity> = {
  completed: 'ok',
  failed: 'error',
  walArchivingFailing: 'error',
  running: 'ok',
  started: 'ok',
  pending: 'ok',
};

const belongsTo = (cluster: KubeObject) => (o: KubeObject) =>
  o.metadata.namespace === cluster.metadata.namespace && o.spec?.cluster?.name === cluster.metadata.name;

/**
 * Summarises a CloudNativePG Cluster with its Backups, ScheduledBackups and
 * Poolers (pass all of them; those of other clusters are ignored).
 *
 * @public
 */
export function deriveCnpgCluster(
  cluster: KubeObject,
  related: { backups?: KubeObject[]; scheduledBackups?: KubeObject[]; poolers?: KubeObject[] },
  options: CnpgDerivationOptions,
): CnpgClusterSummary {
  const status = cluster.status ?? {};
  const staleHours = options.staleBackupHours ?? 26;
  const conditions: Condition[] = status.conditions ?? [];
  const instances = Number(status.instances ?? cluster.spec?.instances ?? 0);
  const readyInstances = Number(status.readyInstances ?? 0);
  const currentPrimary: string | undefined = status.currentPrimary;
  const targetPrimary: string | undefined = status.targetPrimary;
  const switchoverInProgress = !!currentPrimary && !!targetPrimary && currentPrimary !== targetPrimary;

  const statusOf = new Map<string, string>();
  for (const [podStatus, pods] of Object.entries<string[]>(status.instancesStatus ?? {})) {
    for (const pod of pods ?? []) statusOf.set(pod, podStatus);
  }
  const names: string[] = [...new Set([...(status.instanceNames ?? []), ...statusOf.keys()])].sort();
  const reported = status.instancesReportedState ?? {};
  const instanceList: CnpgInstance[] = names.map(name => {
    const podStatus = statusOf.get(name) ?? 'unknown';
    return {
      name,
      role: (reported[name]?.isPrimary ?? name === currentPrimary) ? 'primary' : 'replica',
      status: podStatus,
      ready: podStatus === 'healthy',
      timeline: reported[name]?.timeLineID,
    };
  });

  const backups = (related.backups ?? []).filter(belongsTo(cluster));
  const recentBackups: CnpgBackupSummary[] = backups
    .map(b => ({
      name: b.metadata.name,
      phase: b.status?.phase,
      method: b.status?.method ?? b.spec?.method,
      startedAt: b.status?.startedAt,
      stoppedAt: b.status?.stoppedAt,
      error: b.status?.error,
      severity: BACKUP_PHASE_SEVERITY[b.status?.phase] ?? 'unknown',
      created: b.status?.startedAt ?? b.metadata.creationTimestamp ?? '',
    }))
    .sort((a, b) => b.created.localeCompare(a.created))
    .slice(0, options.recentBackups ?? 5)
    .map(({ created: _created, ...rest }) => rest);

  const lastCompleted = backups
    .filter(b => b.status?.phase === 'completed' && b.status?.stoppedAt)
    .map(b => b.status.stoppedAt as string)
    .sort()
    .pop();
  const lastSuccessfulBackup = [status.lastSuccessfulBackup, lastCompleted].filter(Boolean).sort().pop();
  const age = hoursBetween(lastSuccessfulBackup, options.now);
  let backupFreshness: CnpgClusterSummary['backupFreshness'] = 'none';
  if (age !== undefined) backupFreshness = age > staleHours ? 'stale' : 'fresh';

  const scheduledBackups: CnpgScheduledBackupSummary[] = (related.scheduledBackups ?? [])
    .filter(belongsTo(cluster))
    .map(s => ({
      name: s.metadata.name,
      schedule: s.spec?.schedule,
      suspended: s.spec?.suspend === true,
      lastScheduleTime: s.status?.lastScheduleTime,
      nextScheduleTime: s.status?.nextScheduleTime,
    }));
  const poolers: CnpgPoolerSummary[] = (related.poolers ?? []).filter(belongsTo(cluster)).map(p => ({
    name: p.metadata.name,
    type: p.spec?.type,
    instances: p.spec?.instances,
    readyInstances: p.status?.instances,
  }));

  const ready = findCondition(conditions, 'Ready');
  const archiving = findCondition(conditions, 'ContinuousArchiving');
  const lastBackupCond = findCondition(conditions, 'LastBackupSucceeded');
  const problems: Array<[Severity, string]> = [];
  if (readyInstances === 0 && instances > 0) problems.push(['error', 'No instance is ready']);
  else if (readyInstances < instances) problems.push(['warning', `${readyInstances} of ${instances} instances ready`]);
  if (switchoverInProgress) problems.push(['warning', `Switchover in progress: ${currentPrimary} → ${targetPrimary}`]);
  if (ready && ready.status !== 'True' && readyInstances > 0) problems.push(['warning', `Not ready: ${ready.message ?? ready.reason ?? ''}`.trim()]);
  if (archiving && archiving.status === 'False') problems.push(['error', `WAL archiving failing: ${archiving.message ?? archiving.reason ?? ''}`.trim()]);
  if (lastBackupCond && lastBackupCond.status === 'False') problems.push(['error', `Last backup failed: ${lastBackupCond.message ?? lastBackupCond.reason ?? ''}`.trim()]);
  else if (recentBackups[0]?.phase === 'failed') problems.push(['error', `Last backup ${recentBackups[0].name} failed: ${recentBackups[0].error ?? ''}`.trim()]);
  if (backupFreshness === 'stale') problems.push(['warning', `Last successful backup is ${Math.round(age!)} h old (over ${staleHours} h)`]);
  if (backupFreshness === 'none') problems.push(['warning', 'Never backed up']);
  if (scheduledBackups.length === 0) problems.push(['warning', 'No ScheduledBackup']);
  else if (scheduledBackups.every(s => s.suspended)) problems.push(['warning', 'Every ScheduledBackup is suspended']);
  if (/fail/i.test(status.phase ?? '')) problems.push(['error', status.phase]);

  const order: Severity[] = ['error', 'warning'];
  problems.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return {
    name: cluster.metadata.name,
    namespace: cluster.metadata.namespace,
    phase: status.phase,
    phaseReason: status.phaseReason,
    severity: worst(...problems.map(p => p[0]), status.phase ? 'ok' : 'unknown'),
    problems: problems.map(p => p[1]),
    instances,
    readyInstances,
    currentPrimary,
    targetPrimary,
    switchoverInProgress,
    timeline: status.timelineID,
    instanceList,
    conditions: { Ready: ready, ContinuousArchiving: archiving, LastBackupSucceeded: lastBackupCond },
    firstRecoverabilityPoint: status.firstRecoverabilityPoint,
    lastSuccessfulBackup,
    lastSuccessfulBackupAgeHours: age === undefined ? undefined : Math.round(age * 10) / 10,
    backupFreshness,
    scheduledBackups,
    recentBackups,
    poolers,
  };
}
