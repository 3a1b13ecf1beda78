import { deriveCnpgCluster } from './cnpg';
import { backups, degraded, healthy, poolers, scheduledBackups, SNAPSHOT_TIME, stale, switchover } from './__fixtures__/cnpg';

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
      { name: 'pg-platform-daily', schedule: '0 0 2 * * *', suspended: false, lastScheduleTime: '2026-11-25T02:00:00Z', nextScheduleTime: '2026-11-26T02:00:00Z' },
    ]);
    expect(s.poolers).toEqual([{ name: 'pg-platform-pooler-rw', type: 'rw', instances: 2, readyInstances: 2 }]);
    expect(s.conditions.ContinuousArchiving?.status).toBe('True');
    expect(s.firstRecoverabilityPoint).toBe('2026-10-26T02:00:09Z');
    expect(s.lastSuccessfulBackupAgeHours).toBe(9.9);
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
