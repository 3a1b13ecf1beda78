// CephCluster objects shaped as `kubectl get cephclusters.ceph.rook.io -n rook-ceph -o yaml`
// prints them with Rook v1.17 (status included).
import type { KubeObject } from '../objects';

const TiB = 1024 ** 4;

export function cephCluster(status: Record<string, any>): KubeObject {
  return {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephCluster',
    metadata: {
      name: 'rook-ceph',
      namespace: 'rook-ceph',
      uid: 'b5f3a1f2-8c2e-4d0e-9b1f-6a8f0c7d2e11',
      generation: 4,
      creationTimestamp: '2026-01-18T10:22:31Z',
    },
    spec: { cephVersion: { image: 'quay.io/ceph/ceph:v19.2.2' }, mon: { count: 3 }, dataDirHostPath: '/var/lib/rook' },
    status,
  };
}

const versions = {
  mgr: { 'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 2 },
  mon: { 'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 3 },
  osd: { 'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 3 },
  overall: { 'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 8 },
};

const base = (ceph: Record<string, any>, extra: Record<string, any> = {}) => ({
  ceph: {
    fsid: '3b1e8c5a-2f43-4d6e-9d7b-1c0a5e9f7a21',
    lastChanged: '2026-11-24T21:14:09Z',
    lastChecked: '2026-11-25T11:59:31Z',
    previousHealth: 'HEALTH_OK',
    versions,
    ...ceph,
  },
  conditions: [
    { lastHeartbeatTime: '2026-11-25T11:59:32Z', lastTransitionTime: '2026-01-18T10:31:02Z', message: 'Cluster created successfully', reason: 'ClusterCreated', status: 'True', type: 'Ready' },
  ],
  message: 'Cluster created successfully',
  observedGeneration: 4,
  phase: 'Ready',
  state: 'Created',
  storage: { deviceClasses: [{ name: 'nvme' }], osd: { storeType: { bluestore: 3 } } },
  version: { image: 'quay.io/ceph/ceph:v19.2.2', version: '19.2.2-0' },
  ...extra,
});

const capacity = (usedFraction: number) => ({
  bytesAvailable: Math.round(6 * TiB * (1 - usedFraction)),
  bytesTotal: 6 * TiB,
  bytesUsed: Math.round(6 * TiB * usedFraction),
  lastUpdated: '2026-11-25T11:59:31Z',
});

export const cephHealthWarn = cephCluster(
  base({
    health: 'HEALTH_WARN',
    details: {
      PG_NOT_DEEP_SCRUBBED: { message: '12 pgs not deep-scrubbed in time', severity: 'HEALTH_WARN' },
      MON_DISK_LOW: { message: 'mon c is low on available space', severity: 'HEALTH_WARN' },
      RECENT_CRASH: { message: '1 daemons have recently crashed', severity: 'HEALTH_WARN' },
    },
    capacity: capacity(0.42),
  }),
);

export const cephHealthErr = cephCluster(
  base({
    health: 'HEALTH_ERR',
    details: {
      OSD_DOWN: { message: '1 osds down', severity: 'HEALTH_WARN' },
      PG_DAMAGED: { message: 'Possible data damage: 1 pg inconsistent', severity: 'HEALTH_ERR' },
      OSD_SCRUB_ERRORS: { message: '3 scrub errors', severity: 'HEALTH_ERR' },
    },
    capacity: capacity(0.55),
  }),
);

export const cephNearFull = cephCluster(
  base({
    health: 'HEALTH_WARN',
    details: {
      OSD_NEARFULL: { message: '2 nearfull osd(s)', severity: 'HEALTH_WARN' },
      POOL_NEARFULL: { message: '3 pool(s) nearfull', severity: 'HEALTH_WARN' },
    },
    capacity: capacity(0.874),
  }),
);

export const cephHealthOk = cephCluster(base({ health: 'HEALTH_OK', capacity: capacity(0.31) }));

export const cephUpgrading = cephCluster(
  base({
    health: 'HEALTH_OK',
    capacity: capacity(0.31),
    versions: {
      mon: { 'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 3 },
      osd: {
        'ceph version 19.2.2 (0eceb0defba60152a8182f7bd87d164b639885b8) squid (stable)': 1,
        'ceph version 19.2.1 (58a7fab8be0a062d730ad7da874972fd3fba59fb) squid (stable)': 2,
      },
    },
  }),
);

export const cephProgressing = cephCluster(
  base({}, { phase: 'Progressing', state: 'Creating', message: 'Configuring Ceph OSDs', ceph: undefined }),
);
