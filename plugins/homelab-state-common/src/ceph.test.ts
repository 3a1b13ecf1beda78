import { deriveCephCluster, deriveCephPool } from './ceph';
import { cephHealthErr, cephHealthOk, cephHealthWarn, cephNearFull, cephProgressing, cephUpgrading } from './__fixtures__/ceph';

describe('deriveCephCluster', () => {
  it.each([
    ['HEALTH_OK', cephHealthOk, { health: 'HEALTH_OK', severity: 'ok', checks: [] }],
    ['HEALTH_WARN with several checks', cephHealthWarn, { health: 'HEALTH_WARN', severity: 'warning' }],
    ['HEALTH_ERR', cephHealthErr, { health: 'HEALTH_ERR', severity: 'error' }],
    ['near-full capacity', cephNearFull, { severity: 'error', capacity: expect.objectContaining({ percentUsed: 87.4, severity: 'error' }) }],
    ['still creating, no health yet', cephProgressing, { health: undefined, severity: 'warning', phase: 'Progressing', capacity: undefined }],
  ])('%s', (_name, obj, expected) => {
    expect(deriveCephCluster(obj)).toMatchObject(expected);
  });

  it('lists every check with its severity, errors first', () => {
    expect(deriveCephCluster(cephHealthErr).checks).toEqual([
      { id: 'OSD_SCRUB_ERRORS', severity: 'error', message: '3 scrub errors' },
      { id: 'PG_DAMAGED', severity: 'error', message: 'Possible data damage: 1 pg inconsistent' },
      { id: 'OSD_DOWN', severity: 'warning', message: '1 osds down' },
    ]);
    expect(deriveCephCluster(cephHealthWarn).checks.map(c => c.id)).toEqual(['MON_DISK_LOW', 'PG_NOT_DEEP_SCRUBBED', 'RECENT_CRASH']);
  });

  it('reads capacity, daemons and versions', () => {
    const s = deriveCephCluster(cephHealthWarn);
    expect(s.capacity).toMatchObject({ totalBytes: 6 * 1024 ** 4, percentUsed: 42, severity: 'ok' });
    expect(s.daemons).toEqual({ mgr: 2, mon: 3, osd: 3 });
    expect(s.versions).toEqual(['19.2.2']);
    expect(s.mixedVersions).toBe(false);
    expect(s.lastChecked).toBe('2026-11-25T11:59:31Z');
  });

  it('notices an upgrade in flight from mixed daemon versions', () => {
    expect(deriveCephCluster(cephUpgrading)).toMatchObject({ versions: ['19.2.1', '19.2.2'], mixedVersions: true });
  });

  it('uses the thresholds it is given', () => {
    expect(deriveCephCluster(cephHealthWarn, { warningPercent: 40, errorPercent: 90 }).capacity?.severity).toBe('warning');
  });
});

describe('deriveCephPool', () => {
  it.each([
    ['Ready', 'ok'],
    ['Progressing', 'warning'],
    ['Failure', 'error'],
    [undefined, 'unknown'],
  ])('phase %s is %s', (phase, severity) => {
    const pool = { apiVersion: 'ceph.rook.io/v1', kind: 'CephBlockPool', metadata: { name: 'replicapool', namespace: 'rook-ceph' }, status: phase ? { phase } : undefined };
    expect(deriveCephPool(pool)).toMatchObject({ kind: 'CephBlockPool', name: 'replicapool', phase, severity });
  });
});
