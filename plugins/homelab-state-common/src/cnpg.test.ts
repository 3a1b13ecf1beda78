import { deriveCnpgCluster } from './cnpg';
import { cnpgBackupLabel, cnpgStateLabels } from './cnpgLabels';
import { CNPG_PHASES, cnpgPhaseMeaning } from './cnpgPhases';
import { backups, degraded, healthy, poolers, replica, scheduledBackups, SNAPSHOT_TIME, stale, switchover } from './__fixtures__/cnpg';

const related = { backups, scheduledBackups, poolers };
const derive = (cluster: Parameters<typeof deriveCnpgCluster>[0], options = {}) =>
  deriveCnpgCluster(cluster, related, { now: SNAPSHOT_TIME, ...options });

describe('deriveCnpgCluster', () => {
  it.each([
    ['healthy', healthy, { severity: 'ok', problems: [], switchoverInProgress: false, readyInstances: 3, backupFreshness: 'fresh' }],
    [
      'switchover in progress',
      switchover,
      { severity: 'warning', switchoverInProgress: true, currentPrimary: 'pg-media-1', targetPrimary: 'pg-media-2', problems: expect.arrayContaining(['Switchover in progress: pg-media-1 → pg-media-2']) },
    ],
    [
      'degraded with a failed backup',
      degraded,
      { severity: 'error', readyInstances: 2, problems: expect.arrayContaining(['2 of 3 instances ready', expect.stringMatching(/^Last backup failed: .*AccessDenied/)]) },
    ],
    [
      'stale backup and no schedule',
      stale,
      { severity: 'warning', backupFreshness: 'stale', lastSuccessfulBackupAgeHours: 73.7, problems: ['Last successful backup is 74 h old (over 26 h)', 'No ScheduledBackup'] },
    ],
  ])('%s', (_name, cluster, expected) => {
    expect(derive(cluster)).toMatchObject(expected);
  });

  it('lists each instance with role and readiness', () => {
    expect(derive(degraded).instanceList).toEqual([
      { name: 'pg-ai-1', role: 'primary', status: 'healthy', ready: true, timeline: 1 },
      { name: 'pg-ai-2', role: 'replica', status: 'healthy', ready: true, timeline: 1 },
      { name: 'pg-ai-3', role: 'replica', status: 'failed', ready: false, timeline: undefined },
    ]);
  });

  it('keeps only its own backups, newest first, with errors', () => {
    const s = derive(degraded);
    expect(s.recentBackups.map(b => [b.name, b.phase, b.severity])).toEqual([
      ['pg-ai-daily-20261125040000', 'failed', 'error'],
      ['pg-ai-daily-20261124040000', 'completed', 'ok'],
    ]);
    expect(s.recentBackups[0].error).toMatch(/Access Denied/);
    expect(s.lastSuccessfulBackup).toBe('2026-11-24T04:06:30Z');
  });

  it('reads schedules, poolers, conditions and recoverability', () => {
    const s = derive(healthy);
    expect(s.scheduledBackups).toEqual([
      {
        name: 'pg-platform-daily',
        schedule: '0 0 2 * * *',
        suspended: false,
        lastScheduleTime: '2026-11-25T02:00:00Z',
        nextScheduleTime: '2026-11-26T02:00:00Z',
        lastCheckTime: '2026-11-25T02:00:00Z',
        neverFires: false,
        severity: 'ok',
      },
    ]);
    expect(s.poolers).toEqual([{ name: 'pg-platform-pooler-rw', type: 'rw', instances: 2, readyInstances: 2 }]);
    expect(s.conditions.ContinuousArchiving?.status).toBe('True');
    expect(s.firstRecoverabilityPoint).toBe('2026-10-26T02:00:09Z');
    expect(s.lastSuccessfulBackupAgeHours).toBe(9.9);
  });

  it('says a switchover once, with who hands over to whom', () => {
    const s = derive({ ...switchover, status: { ...switchover.status, phase: 'Switchover in progress', phaseReason: 'Switching over to pg-media-2' } });
    expect(s.problems.filter(p => p.startsWith('Switchover in progress'))).toEqual(['Switchover in progress: pg-media-1 → pg-media-2']);
    expect(s).toMatchObject({ severity: 'warning', progressing: true });
  });

  it('uses the configured staleness threshold', () => {
    expect(derive(healthy, { staleBackupHours: 6 })).toMatchObject({ backupFreshness: 'stale', severity: 'warning' });
  });

  it('says when a cluster has never been backed up or every schedule is suspended', () => {
    const neverBacked = { ...stale, status: { ...stale.status, lastSuccessfulBackup: undefined } };
    const suspended = scheduledBackups.map(s => ({ ...s, spec: { ...s.spec, suspend: true } }));
    const s = deriveCnpgCluster(neverBacked, { scheduledBackups: [{ ...suspended[0], spec: { ...suspended[0].spec, cluster: { name: 'pg-other' } } }] }, { now: SNAPSHOT_TIME });
    expect(s.problems).toEqual(['Never backed up', 'Every ScheduledBackup is suspended']);
  });
});

describe('CNPG_PHASES', () => {
  // Every Phase* constant of cloudnative-pg api/v1/cluster_types.go (1.2x),
  // plus "Cluster upgrade failed" of earlier releases: 22 in all.
  it.each([
    ['Cluster in healthy state', 'ok', false],
    ['Setting up primary', 'warning', true],
    ['Creating a new replica', 'warning', true],
    ['Switchover in progress', 'warning', true],
    ['Failing over', 'error', true],
    ['Upgrading cluster', 'warning', true],
    ['Upgrading Postgres major version', 'warning', true],
    ['Cluster upgrade delayed', 'warning', false],
    ['Waiting for user action', 'warning', false],
    ['Primary instance is being restarted in-place', 'warning', true],
    ['Primary instance is being restarted without a switchover', 'warning', true],
    ['Cluster cannot proceed to reconciliation due to an unknown plugin being required', 'error', false],
    ['Cluster cannot proceed to reconciliation due to an error while interacting with plugins', 'error', false],
    ['Cluster has incomplete or invalid image catalog', 'error', false],
    ['Cluster is unrecoverable and needs manual intervention', 'error', false],
    ['Cluster cannot execute instance online upgrade due to missing architecture binary', 'error', false],
    ['Waiting for the instances to become active', 'warning', true],
    ['Online upgrade in progress', 'warning', true],
    ['Applying configuration', 'warning', true],
    ['Promoting to primary cluster', 'warning', true],
    ['Unable to create required cluster objects', 'error', false],
    ['Cluster upgrade failed', 'error', false],
  ])('%s: %s', (phase, severity, progressing) => {
    const meaning = CNPG_PHASES[phase];
    expect(meaning).toMatchObject({ severity, progressing });
    expect(meaning.explanation).toMatch(/^[A-Z].{20,}\.$/);
    const s = derive({ ...healthy, status: { ...healthy.status, phase, phaseReason: 'because' } });
    expect(s.phaseExplanation).toBe(meaning.explanation);
    expect(s.severity).toBe(severity);
    expect(s.problems.includes(`${phase} (because): ${meaning.explanation}`)).toBe(severity !== 'ok');
  });

  it('has exactly the 22 phases listed above', () => {
    expect(Object.keys(CNPG_PHASES)).toHaveLength(22);
  });

  it('never reads a phase it does not know as ok', () => {
    expect(cnpgPhaseMeaning('Something new')?.severity).toBe('unknown');
    expect(cnpgPhaseMeaning('Cluster exploded: failed')?.severity).toBe('error');
    expect(derive({ ...healthy, status: { ...healthy.status, phase: 'Something new' } }).severity).toBe('warning');
  });
});

describe('operator states named on a Cluster', () => {
  const annotated = (annotations: Record<string, string>, status: object = {}, spec: object = {}) => ({
    ...healthy,
    metadata: { ...healthy.metadata, annotations },
    spec: { ...healthy.spec, ...spec },
    status: { ...healthy.status, ...status },
  });

  it('reads hibernation from the annotation as an intentional state, not "no instance is ready"', () => {
    const s = derive(annotated({ 'cnpg.io/hibernation': 'on' }, { readyInstances: 0, instancesStatus: {}, lastSuccessfulBackup: '2026-01-01T00:00:00Z' }));
    expect(s).toMatchObject({ hibernated: true, severity: 'ok', problems: [] });
  });

  it('reads hibernation from the condition alone', () => {
    const conditions = [...healthy.status.conditions, { type: 'cnpg.io/hibernation', status: 'True', reason: 'Hibernated', message: 'Cluster has been hibernated' }];
    const s = derive(annotated({}, { conditions, readyInstances: 0, instancesStatus: {} }));
    expect(s).toMatchObject({ hibernated: true, severity: 'ok' });
    expect(derive(annotated({ 'cnpg.io/hibernation': 'off' })).hibernated).toBe(false);
  });

  it('names the fenced instances', () => {
    const s = derive(annotated({ 'cnpg.io/fencedInstances': '["pg-platform-2","pg-platform-1"]' }));
    expect(s.fencedInstances).toEqual(['pg-platform-1', 'pg-platform-2']);
    expect(s.problems).toEqual(['Fenced: pg-platform-1, pg-platform-2']);
    expect(s.severity).toBe('warning');
    expect(derive(annotated({ 'cnpg.io/fencedInstances': '["*"]' })).problems).toEqual(['Every instance is fenced']);
  });

  it('warns when reconciliation is disabled', () => {
    const s = derive(annotated({ 'cnpg.io/reconciliationLoop': 'disabled' }));
    expect(s).toMatchObject({ reconciliationDisabled: true, severity: 'warning' });
    expect(s.problems).toEqual(['Reconciliation disabled (cnpg.io/reconciliationLoop=disabled): the operator will not act on this cluster']);
  });

  it('shows a replica cluster\'s source and does not judge it on backups', () => {
    const replicaOfEu = annotated({}, { lastSuccessfulBackup: undefined }, { replica: { enabled: true, source: 'pg-platform-eu' } });
    const s = deriveCnpgCluster(replicaOfEu, {}, { now: SNAPSHOT_TIME });
    expect(s).toMatchObject({ replica: { source: 'pg-platform-eu' }, severity: 'ok', problems: [] });
    const primary = deriveCnpgCluster(annotated({}, { lastSuccessfulBackup: undefined }, { backup: { retentionPolicy: '30d' } }), {}, { now: SNAPSHOT_TIME });
    expect(primary.problems).toEqual(['Never backed up', 'No ScheduledBackup']);
    const unconfigured = deriveCnpgCluster({ ...healthy, spec: { instances: 3 }, status: { ...healthy.status, lastSuccessfulBackup: undefined } }, {}, { now: SNAPSHOT_TIME });
    expect(unconfigured.problems).toEqual(['No backup configured (no spec.backup, no backup plugin, no ScheduledBackup)']);
  });

  it('warns before a certificate expires (Go time format as CNPG writes it) and errors after', () => {
    const expirations = {
      'pg-platform-ca': '2027-02-20 11:00:00 +0000 UTC',
      'pg-platform-server': '2026-12-01 12:00:00 +0000 UTC',
      'pg-platform-replication': '2026-11-20T12:00:00Z',
    };
    const s = derive(annotated({}, { certificates: { expirations } }));
    expect(s.certificates).toEqual([
      { secret: 'pg-platform-replication', expiresAt: '2026-11-20T12:00:00.000Z', daysLeft: -5, severity: 'error' },
      { secret: 'pg-platform-server', expiresAt: '2026-12-01T12:00:00.000Z', daysLeft: 6, severity: 'warning' },
      { secret: 'pg-platform-ca', expiresAt: '2027-02-20T11:00:00.000Z', daysLeft: 86, severity: 'ok' },
    ]);
    expect(s.problems).toEqual([
      'Certificate pg-platform-replication expired 2026-11-20T12:00:00.000Z',
      'Certificate pg-platform-server expires in 6 days (2026-12-01T12:00:00.000Z)',
    ]);
    expect(derive(annotated({}, { certificates: { expirations } }), { certificateWarnDays: 3 }).certificates[1].severity).toBe('ok');
  });

  it('says since when WAL archiving works or fails', () => {
    const failing = annotated({}, {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'ContinuousArchiving', status: 'False', reason: 'ContinuousArchivingFailing', message: 'exit status 2', lastTransitionTime: '2026-11-25T09:00:00Z' },
      ],
    });
    expect(derive(failing).walArchiving).toEqual({ state: 'failing', since: '2026-11-25T09:00:00Z', message: 'exit status 2' });
    expect(derive(healthy).walArchiving.state).toBe('working');
  });
});

describe('clusters not meant to take backups: replica clusters and hibernated ones', () => {
  const hibernate = (c: typeof healthy, status: object = {}) => ({
    ...c,
    metadata: { ...c.metadata, annotations: { 'cnpg.io/hibernation': 'on' } },
    status: { ...c.status, readyInstances: 0, instancesStatus: {}, ...status },
  });
  const oldBackup = { lastSuccessfulBackup: '2026-11-01T02:00:00Z' };
  const pick = (c: Parameters<typeof deriveCnpgCluster>[0]) => {
    const s = derive(c);
    return { backupFreshness: s.backupFreshness, backupExemption: s.backupExemption, severity: s.severity, problems: s.problems };
  };

  it.each([
    ['a replica cluster that never took a backup', replica, { backupFreshness: 'not-applicable', backupExemption: 'replica', severity: 'ok', problems: [] }],
    ['a replica cluster with an old backup', { ...replica, status: { ...replica.status, ...oldBackup } }, { backupFreshness: 'not-applicable', backupExemption: 'replica', severity: 'ok', problems: [] }],
    ['a hibernated cluster with a 24-day-old backup', hibernate(stale, oldBackup), { backupFreshness: 'not-applicable', backupExemption: 'hibernated', severity: 'ok', problems: [] }],
    ['a hibernated cluster never backed up', hibernate(stale, { lastSuccessfulBackup: undefined }), { backupFreshness: 'not-applicable', backupExemption: 'hibernated', severity: 'ok', problems: [] }],
    // Negative cases: the same objects, replica turned off or awake, are judged.
    [
      'the replica cluster promoted (spec.replica.enabled false)',
      { ...replica, spec: { ...replica.spec, replica: { enabled: false, source: 'pg-platform' } } },
      { backupFreshness: 'none', backupExemption: undefined, severity: 'warning', problems: ['No backup configured (no spec.backup, no backup plugin, no ScheduledBackup)'] },
    ],
    [
      'an awake cluster with a 24-day-old backup',
      { ...stale, status: { ...stale.status, ...oldBackup } },
      { backupFreshness: 'stale', backupExemption: undefined, severity: 'warning', problems: ['Last successful backup is 586 h old (over 26 h)', 'No ScheduledBackup'] },
    ],
  ])('%s', (_name, cluster, expected) => {
    expect(pick(cluster)).toEqual(expected);
  });

  it('says why in the backup chip, and the backup chip of a judged cluster is unchanged', () => {
    expect(cnpgBackupLabel(derive(replica))).toEqual({ severity: 'unknown', label: 'not judged: replica cluster' });
    expect(cnpgBackupLabel(derive(hibernate(stale)))).toEqual({ severity: 'unknown', label: 'not judged: hibernated' });
    expect(cnpgBackupLabel(derive(healthy))).toEqual({ severity: 'ok', label: 'fresh' });
    expect(cnpgBackupLabel(derive(stale))).toEqual({ severity: 'warning', label: 'stale' });
    expect(cnpgBackupLabel({ backupFreshness: 'none' })).toEqual({ severity: 'warning', label: 'none' });
  });

  it('names the intentional state next to the severity: hibernated, replica of its source, progressing', () => {
    expect(cnpgStateLabels(derive(hibernate(stale)))).toEqual([
      { severity: 'ok', label: 'ok' },
      { severity: 'unknown', label: 'hibernated' },
    ]);
    expect(cnpgStateLabels(derive(replica))).toEqual([
      { severity: 'ok', label: 'ok' },
      { severity: 'unknown', label: 'replica of pg-platform' },
    ]);
    expect(cnpgStateLabels(derive(switchover))).toEqual([
      { severity: 'warning', label: 'warning' },
      { severity: 'unknown', label: 'progressing' },
    ]);
    expect(cnpgStateLabels(derive(healthy))).toEqual([{ severity: 'ok', label: 'ok' }]);
  });
});
