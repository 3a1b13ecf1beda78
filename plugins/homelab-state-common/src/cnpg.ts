import type { Condition, KubeObject, Severity } from './objects';
import { findCondition, hoursBetween, worst } from './objects';
import { cnpgPhaseMeaning } from './cnpgPhases';

/** Default staleness threshold of a Postgres backup, in hours (a daily backup plus slack). */
const DEFAULT_STALE_BACKUP_HOURS = 26;

/**
 * Annotations and condition types the CloudNativePG operator reads and writes
 * on a Cluster (not ours: declared here once so the derivation names them).
 *
 * @public
 */
export const CNPG_ANNOTATIONS = {
  hibernation: 'cnpg.io/hibernation',
  fencedInstances: 'cnpg.io/fencedInstances',
  reconciliationLoop: 'cnpg.io/reconciliationLoop',
} as const;

/** Condition type the operator sets while a cluster is hibernated. */
const HIBERNATION_CONDITION = 'cnpg.io/hibernation';

/**
 * How a cluster stands on backups. fresh: the last successful backup is
 * within the threshold; stale: older; none: never backed up; not-applicable:
 * the cluster is not meant to take backups of its own (see
 * {@link CnpgBackupExemption}), so it is not judged on them.
 *
 * @public
 */
export type CnpgBackupFreshness = 'fresh' | 'stale' | 'none' | 'not-applicable';

/**
 * Why a cluster is not judged on backups: a replica cluster (spec.replica.enabled)
 * follows its source, whose backups cover it; a hibernated one has no Pods to
 * take any.
 *
 * @public
 */
export type CnpgBackupExemption = 'replica' | 'hibernated';

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
  /** When the operator last evaluated the schedule. */
  lastCheckTime?: string;
  /** Checked but never scheduled and nothing next: the cron expression cannot fire. */
  neverFires: boolean;
  severity: Severity;
}

/** @public */
export interface CnpgCertificate {
  /** Secret holding the certificate, as CNPG names it in status.certificates.expirations. */
  secret: string;
  expiresAt: string;
  daysLeft: number;
  severity: Severity;
}

/**
 * WAL archiving as the Cluster resource says it. The last archived and last
 * failed times and the counts are not on the resource: they come from
 * Prometheus (`ObjectEnrichment.walArchiver`). The WAL file names are
 * nowhere the portal reads (neither the resource nor CNPG's metrics).
 *
 * @public
 */
export interface CnpgWalArchiving {
  /** From the ContinuousArchiving condition. */
  state: 'working' | 'failing' | 'unknown';
  /** When the condition last changed: archiving works (or fails) since then. */
  since?: string;
  message?: string;
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
  backupFreshness: CnpgBackupFreshness;
  /** Set exactly when backupFreshness is not-applicable: why. */
  backupExemption?: CnpgBackupExemption;
  /** What the phase means, from {@link CNPG_PHASES}. */
  phaseExplanation?: string;
  /** The operator is moving the cluster somewhere (phase table or a switchover). */
  progressing: boolean;
  /** Hibernated on purpose (annotation or condition): not judged on readiness or backups. */
  hibernated: boolean;
  /** Fenced instances by name; ["*"] means every instance. */
  fencedInstances: string[];
  /** cnpg.io/reconciliationLoop=disabled: the operator will not act on this cluster. */
  reconciliationDisabled: boolean;
  /** spec.replica.enabled: a replica cluster, following `source`. */
  replica?: { source?: string; primary?: string };
  certificates: CnpgCertificate[];
  walArchiving: CnpgWalArchiving;
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
  /** A certificate expiring within this many days is a warning. Default 14. */
  certificateWarnDays?: number;
}

/** @public */
export const DEFAULT_CERTIFICATE_WARN_DAYS = 14;

/**
 * CNPG writes certificate expirations with Go's time.String()
 * ("2025-08-21 15:36:28 +0000 UTC"); RFC 3339 is accepted too.
 */
function parseGoTime(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const go = value.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ([+-]\d\d)(\d\d)/);
  return Date.parse(go ? `${go[1]}T${go[2]}${go[3]}:${go[4]}` : value);
}

function parseFencedInstances(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map(String).sort() : [];
  } catch {
    // A hand-edited annotation that is not JSON still fences something.
    return [raw];
  }
}

const BACKUP_PHASE_SEVERITY: Record<string, Severity> = {
  completed: 'ok',
  failed: 'error',
  walArchivingFailing: 'error',
  running: 'ok',
  started: 'ok',
  pending: 'ok',
};

/**
 * Summarises one CNPG Backup.
 *
 * @public
 */
export function deriveCnpgBackup(b: KubeObject): CnpgBackupSummary {
  return {
    name: b.metadata?.name ?? '',
    phase: b.status?.phase,
    method: b.status?.method ?? b.spec?.method,
    startedAt: b.status?.startedAt,
    stoppedAt: b.status?.stoppedAt,
    error: b.status?.error,
    severity: BACKUP_PHASE_SEVERITY[b.status?.phase] ?? 'unknown',
  };
}

/**
 * Summarises one CNPG ScheduledBackup.
 *
 * @public
 */
export function deriveCnpgScheduledBackup(s: KubeObject): CnpgScheduledBackupSummary {
  const suspended = s.spec?.suspend === true;
  const neverFires = !!s.status?.lastCheckTime && !s.status?.lastScheduleTime && !s.status?.nextScheduleTime;
  let severity: Severity = 'ok';
  if (neverFires) severity = 'error';
  else if (suspended) severity = 'warning';
  return {
    name: s.metadata?.name ?? '',
    schedule: s.spec?.schedule,
    suspended,
    lastScheduleTime: s.status?.lastScheduleTime,
    nextScheduleTime: s.status?.nextScheduleTime,
    lastCheckTime: s.status?.lastCheckTime,
    neverFires,
    severity,
  };
}


const belongsTo = (cluster: KubeObject) => (o: KubeObject) =>
  o.metadata?.namespace === cluster.metadata?.namespace && o.spec?.cluster?.name === cluster.metadata?.name;

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
  const metadata = cluster.metadata ?? { name: '' };
  const annotations = metadata.annotations ?? {};
  const staleHours = options.staleBackupHours ?? DEFAULT_STALE_BACKUP_HOURS;
  const conditions: Condition[] = status.conditions ?? [];
  const instances = Number(status.instances ?? cluster.spec?.instances ?? 0);
  // readyInstances is omitted (not 0) when none is ready; some writers only
  // fill instancesStatus, whose "healthy" list says the same.
  const readyInstances = Number(status.readyInstances ?? status.instancesStatus?.healthy?.length ?? 0);
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
    .map(b => ({ ...deriveCnpgBackup(b), created: b.status?.startedAt ?? b.metadata?.creationTimestamp ?? '' }))
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

  const scheduledBackups: CnpgScheduledBackupSummary[] = (related.scheduledBackups ?? [])
    .filter(belongsTo(cluster))
    .map(deriveCnpgScheduledBackup);
  const poolers: CnpgPoolerSummary[] = (related.poolers ?? []).filter(belongsTo(cluster)).map(p => ({
    name: p.metadata?.name ?? '',
    type: p.spec?.type,
    instances: p.spec?.instances,
    readyInstances: p.status?.instances,
  }));

  const ready = findCondition(conditions, 'Ready');
  const archiving = findCondition(conditions, 'ContinuousArchiving');
  const lastBackupCond = findCondition(conditions, 'LastBackupSucceeded');
  const hibernationCond = findCondition(conditions, HIBERNATION_CONDITION);
  const hibernated = annotations[CNPG_ANNOTATIONS.hibernation] === 'on' || hibernationCond?.status === 'True';
  const fencedInstances = parseFencedInstances(annotations[CNPG_ANNOTATIONS.fencedInstances]);
  const reconciliationDisabled = annotations[CNPG_ANNOTATIONS.reconciliationLoop] === 'disabled';
  const replicaSpec = cluster.spec?.replica;
  const replica = replicaSpec?.enabled === true ? { source: replicaSpec.source, primary: replicaSpec.primary } : undefined;
  // A replica cluster takes no backups of its own and a hibernated one cannot:
  // neither is judged on backups it is not meant to take.
  let backupExemption: CnpgBackupExemption | undefined;
  if (replica) backupExemption = 'replica';
  else if (hibernated) backupExemption = 'hibernated';
  let backupFreshness: CnpgBackupFreshness = 'none';
  if (backupExemption) backupFreshness = 'not-applicable';
  else if (age !== undefined) backupFreshness = age > staleHours ? 'stale' : 'fresh';
  const phaseMeaning = cnpgPhaseMeaning(status.phase);
  const warnDays = options.certificateWarnDays ?? DEFAULT_CERTIFICATE_WARN_DAYS;

  const certificates: CnpgCertificate[] = Object.entries<unknown>(status.certificates?.expirations ?? {})
    .map(([secret, at]): CnpgCertificate | undefined => {
      const t = parseGoTime(at);
      if (Number.isNaN(t)) return undefined;
      const daysLeft = Math.floor((t - options.now.getTime()) / 86_400_000);
      let severity: Severity = 'ok';
      if (t <= options.now.getTime()) severity = 'error';
      else if (daysLeft < warnDays) severity = 'warning';
      return { secret, expiresAt: new Date(t).toISOString(), daysLeft, severity };
    })
    .filter((c): c is CnpgCertificate => !!c)
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));

  let walState: CnpgWalArchiving['state'] = 'unknown';
  if (archiving?.status === 'True') walState = 'working';
  else if (archiving?.status === 'False') walState = 'failing';
  const walArchiving: CnpgWalArchiving = {
    state: walState,
    since: archiving?.lastTransitionTime,
    message: archiving?.message,
  };

  const problems: Array<[Severity, string]> = [];
  // A switchover already gets its own, more precise line (who → whom).
  const saidBySwitchover = switchoverInProgress && status.phase === 'Switchover in progress';
  if (phaseMeaning && phaseMeaning.severity !== 'ok' && !hibernated && !saidBySwitchover) {
    const reason = status.phaseReason ? ` (${status.phaseReason})` : '';
    problems.push([phaseMeaning.severity === 'unknown' ? 'warning' : phaseMeaning.severity, `${status.phase}${reason}: ${phaseMeaning.explanation}`]);
  }
  if (reconciliationDisabled) problems.push(['warning', 'Reconciliation disabled (cnpg.io/reconciliationLoop=disabled): the operator will not act on this cluster']);
  if (fencedInstances.length) {
    problems.push(['warning', fencedInstances.includes('*') ? 'Every instance is fenced' : `Fenced: ${fencedInstances.join(', ')}`]);
  }
  if (!hibernated) {
    // While the operator bootstraps or replaces the primary, no ready instance is expected.
    if (readyInstances === 0 && instances > 0) problems.push([phaseMeaning?.progressing && phaseMeaning.severity === 'warning' ? 'warning' : 'error', 'No instance is ready']);
    else if (readyInstances < instances) problems.push(['warning', `${readyInstances} of ${instances} instances ready`]);
    if (switchoverInProgress) problems.push(['warning', `Switchover in progress: ${currentPrimary} → ${targetPrimary}`]);
    if (ready && ready.status !== 'True' && (readyInstances > 0 || !status.instances)) problems.push(['warning', `Not ready: ${ready.message ?? ready.reason ?? ''}`.trim()]);
  }
  if (archiving && archiving.status === 'False') problems.push(['error', `WAL archiving failing: ${archiving.message ?? archiving.reason ?? ''}`.trim()]);
  if (lastBackupCond && lastBackupCond.status === 'False') problems.push(['error', `Last backup failed: ${lastBackupCond.message ?? lastBackupCond.reason ?? ''}`.trim()]);
  else if (recentBackups[0]?.phase === 'failed') problems.push(['error', `Last backup ${recentBackups[0].name} failed: ${recentBackups[0].error ?? ''}`.trim()]);
  if (!backupExemption) {
    if (backupFreshness === 'stale') problems.push(['warning', `Last successful backup is ${Math.round(age!)} h old (over ${staleHours} h)`]);
    const configured = !!cluster.spec?.backup || (cluster.spec?.plugins ?? []).length > 0;
    if (backupFreshness === 'none' && !configured && scheduledBackups.length === 0) {
      problems.push(['warning', 'No backup configured (no spec.backup, no backup plugin, no ScheduledBackup)']);
    } else {
      if (backupFreshness === 'none') problems.push(['warning', 'Never backed up']);
      if (scheduledBackups.length === 0) problems.push(['warning', 'No ScheduledBackup']);
      else if (scheduledBackups.every(s => s.suspended)) problems.push(['warning', 'Every ScheduledBackup is suspended']);
    }
  }
  for (const c of certificates.filter(x => x.severity !== 'ok')) {
    problems.push([c.severity, c.severity === 'error' ? `Certificate ${c.secret} expired ${c.expiresAt}` : `Certificate ${c.secret} expires in ${c.daysLeft} days (${c.expiresAt})`]);
  }

  const order: Severity[] = ['error', 'warning'];
  problems.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  const known = !!status.phase || !!ready || hibernated;
  return {
    name: metadata.name ?? '',
    namespace: metadata.namespace,
    phase: status.phase,
    phaseReason: status.phaseReason,
    severity: worst(...problems.map(p => p[0]), known ? 'ok' : 'unknown'),
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
    ...(backupExemption ? { backupExemption } : {}),
    phaseExplanation: phaseMeaning?.explanation,
    progressing: (phaseMeaning?.progressing ?? false) || switchoverInProgress,
    hibernated,
    fencedInstances,
    reconciliationDisabled,
    replica,
    certificates,
    walArchiving,
    scheduledBackups,
    recentBackups,
    poolers,
  };
}
