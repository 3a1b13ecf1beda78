import { deriveCephCluster, deriveCephPool } from './ceph';
import { cephHealthErr, cephHealthOk, cephHealthWarn, cephNearFull, cephProgressing, cephUpgrading } from './__fixtures__/ceph';

describe('deriveCephCluster', () => {
  it.each([
    ['HEALTH_OK', cephHealthOk, { health: 'HEALTH_OK', severity: 'ok', checks: [] }],
    ['HEALTH_WARN with several checks', cephHealthWarn, { health: 'HEALTH_WARN', severity: 'warning' }],
    ['HEALTH_ERR', cephHealthErr, { health: 'HEALTH_ERR', severity: 'error' }],
    ['near-full capacity', cephNearFull, { severity: 'error', capacity: expect.objectContaining({ percentUsed: 87.4, severity: 'error' }) }],
    ['still creating, no health yet', cephProgressing, { health: undefined, severity: 'unknown', progressing: true, phase: 'Progressing', capacity: undefined }],
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

describe('Rook failures and transitions', () => {
  const withStatus = (status: object) => ({ ...cephHealthOk, status: { ...cephHealthOk.status, ...status } });

  it('reads a reconcile failure in the Progressing condition as an error with its message', () => {
    const s = deriveCephCluster(withStatus({
      phase: 'Progressing',
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ClusterProgressing', message: 'failed to create cluster: failed to start ceph monitors' }],
    }));
    expect(s).toMatchObject({ severity: 'error', reconcileFailure: 'failed to create cluster: failed to start ceph monitors', progressing: false });
  });

  it('reads a failure written only in status.message as an error', () => {
    const s = deriveCephCluster(withStatus({ message: 'Failed to configure ceph cluster' }));
    expect(s).toMatchObject({ severity: 'error', reconcileFailure: 'Failed to configure ceph cluster' });
  });

  it('does not take the legacy "ProgressingCompleted" condition for a failure', () => {
    const s = deriveCephCluster(withStatus({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressingCompleted', message: 'Cluster progression is completed' }] }));
    expect(s).toMatchObject({ severity: 'ok', reconcileFailure: undefined });
  });

  it('reads a cluster being created as progressing', () => {
    const s = deriveCephCluster({ metadata: { name: 'rook-ceph' }, status: { state: 'Creating', message: 'Cluster is being created' } });
    expect(s).toMatchObject({ progressing: true, severity: 'unknown', reconcileFailure: undefined });
  });

  it('reads a health detail with a non-Ceph severity (Urgent) as an error with its message', () => {
    const s = deriveCephCluster(withStatus({
      ceph: { health: 'HEALTH_ERR', details: { error: { message: 'failed to get status. . timed out', severity: 'Urgent' } } },
    }));
    expect(s.checks).toEqual([{ id: 'error', severity: 'error', message: 'failed to get status. . timed out' }]);
    expect(s.severity).toBe('error');
  });

  it('marks capacity older than the last health check as stale, with its age', () => {
    const s = deriveCephCluster(withStatus({
      ceph: {
        health: 'HEALTH_OK',
        lastChecked: '2026-11-25T12:00:00Z',
        capacity: { bytesTotal: 100, bytesUsed: 10, bytesAvailable: 90, lastUpdated: '2026-11-25T06:30:00Z' },
      },
    }));
    expect(s.capacity).toMatchObject({ stale: true, staleAgeHours: 5.5 });
    expect(deriveCephCluster(cephHealthOk).capacity?.stale).toBe(false);
  });
});
