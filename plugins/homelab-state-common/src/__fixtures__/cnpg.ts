// CloudNativePG objects shaped as `kubectl get clusters.postgresql.cnpg.io -n database -o yaml`
// prints them with CNPG 1.26 (status included).
import type { KubeObject } from '../objects';

export const SNAPSHOT_TIME = new Date('2026-11-25T12:00:00Z');

const meta = (name: string, kind: string) => ({
  name,
  namespace: 'database',
  uid: `0b6c${name.length}f1e-4a7d-4c3b-9e2f-${name.padEnd(12, '0').slice(0, 12).replace(/[^a-f0-9]/g, 'a')}`,
  generation: 2,
  creationTimestamp: '2026-02-11T19:02:44Z',
  labels: kind === 'Backup' ? { 'cnpg.io/cluster': name.split('-').slice(0, 2).join('-'), 'cnpg.io/scheduled-backup': `${name.split('-').slice(0, 2).join('-')}-daily` } : undefined,
});

const condition = (type: string, status: 'True' | 'False', reason: string, message: string, at: string) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: at,
});

export function cnpgCluster(name: string, instances: number, status: Record<string, any>): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: meta(name, 'Cluster'),
    spec: { instances, imageName: 'ghcr.io/cloudnative-pg/postgresql:17.5-standard-bookworm', storage: { size: '50Gi', storageClass: 'ceph-block' } },
    status: {
      instances,
      instanceNames: Array.from({ length: instances }, (_, i) => `${name}-${i + 1}`),
      writeService: `${name}-rw`,
      readService: `${name}-r`,
      latestGeneratedNode: instances,
      ...status,
    },
  };
}

const healthyConditions = (at = '2026-11-24T08:00:03Z') => [
  condition('Ready', 'True', 'ClusterIsReady', 'Cluster is Ready', at),
  condition('ContinuousArchiving', 'True', 'ContinuousArchivingSuccess', 'Continuous archiving is working', '2026-11-20T02:00:11Z'),
  condition('LastBackupSucceeded', 'True', 'LastBackupSucceeded', 'Backup was successful', '2026-11-25T02:07:42Z'),
];

export const healthy = cnpgCluster('pg-platform', 3, {
  readyInstances: 3,
  currentPrimary: 'pg-platform-1',
  currentPrimaryTimestamp: '2026-11-02T09:14:33.412905Z',
  targetPrimary: 'pg-platform-1',
  targetPrimaryTimestamp: '2026-11-02T09:14:31.884120Z',
  phase: 'Cluster in healthy state',
  timelineID: 2,
  instancesStatus: { healthy: ['pg-platform-1', 'pg-platform-2', 'pg-platform-3'] },
  instancesReportedState: {
    'pg-platform-1': { isPrimary: true, timeLineID: 2 },
    'pg-platform-2': { isPrimary: false, timeLineID: 2 },
    'pg-platform-3': { isPrimary: false, timeLineID: 2 },
  },
  conditions: healthyConditions(),
  firstRecoverabilityPoint: '2026-10-26T02:00:09Z',
  lastSuccessfulBackup: '2026-11-25T02:07:41Z',
});

export const switchover = cnpgCluster('pg-media', 3, {
  readyInstances: 3,
  currentPrimary: 'pg-media-1',
  currentPrimaryTimestamp: '2026-10-14T11:02:10.118301Z',
  targetPrimary: 'pg-media-2',
  targetPrimaryTimestamp: '2026-11-25T11:59:48.551200Z',
  phase: 'Switchover in progress',
  phaseReason: 'Switching over to pg-media-2',
  timelineID: 4,
  instancesStatus: { healthy: ['pg-media-1', 'pg-media-2', 'pg-media-3'] },
  instancesReportedState: {
    'pg-media-1': { isPrimary: true, timeLineID: 4 },
    'pg-media-2': { isPrimary: false, timeLineID: 4 },
    'pg-media-3': { isPrimary: false, timeLineID: 4 },
  },
  conditions: [condition('Ready', 'False', 'ClusterIsNotReady', 'Cluster Is Not Ready', '2026-11-25T11:59:48Z'), ...healthyConditions().slice(1)],
  firstRecoverabilityPoint: '2026-10-26T03:00:07Z',
  lastSuccessfulBackup: '2026-11-25T03:09:55Z',
});

export const degraded = cnpgCluster('pg-ai', 3, {
  readyInstances: 2,
  currentPrimary: 'pg-ai-1',
  targetPrimary: 'pg-ai-1',
  phase: 'Waiting for the instances to become active',
  phaseReason: 'Some instances are not yet active. Please wait.',
  timelineID: 1,
  instancesStatus: { healthy: ['pg-ai-1', 'pg-ai-2'], failed: ['pg-ai-3'] },
  instancesReportedState: { 'pg-ai-1': { isPrimary: true, timeLineID: 1 }, 'pg-ai-2': { isPrimary: false, timeLineID: 1 } },
  conditions: [
    condition('Ready', 'False', 'ClusterIsNotReady', 'Cluster Is Not Ready', '2026-11-25T10:41:17Z'),
    condition('ContinuousArchiving', 'True', 'ContinuousArchivingSuccess', 'Continuous archiving is working', '2026-11-20T02:00:11Z'),
    condition('LastBackupSucceeded', 'False', 'LastBackupFailed', "can't execute backup: exit status 4: barman-cloud-backup: ERROR: Barman cloud backup exception: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", '2026-11-25T04:03:12Z'),
  ],
  firstRecoverabilityPoint: '2026-10-26T04:00:12Z',
  lastSuccessfulBackup: '2026-11-24T04:06:30Z',
  lastFailedBackup: '2026-11-25T04:03:12Z',
});

export const stale = cnpgCluster('pg-other', 2, {
  readyInstances: 2,
  currentPrimary: 'pg-other-1',
  targetPrimary: 'pg-other-1',
  phase: 'Cluster in healthy state',
  timelineID: 1,
  instancesStatus: { healthy: ['pg-other-1', 'pg-other-2'] },
  conditions: healthyConditions(),
  firstRecoverabilityPoint: '2026-11-22T10:15:02Z',
  lastSuccessfulBackup: '2026-11-22T10:19:44Z',
});

/**
 * A replica cluster in a second site, shaped after CNPG's "Replica clusters"
 * docs (spec.replica with a source among externalClusters, bootstrapped by
 * recovery from the source's object store): its designated primary replays
 * the source's WAL, it has never taken a backup of its own and has no
 * ScheduledBackup. Status as the operator writes it for a healthy cluster;
 * ContinuousArchiving is absent because the designated primary archives nothing.
 */
export const replica: KubeObject = (() => {
  const c = cnpgCluster('pg-platform-dr', 2, {
    readyInstances: 2,
    currentPrimary: 'pg-platform-dr-1',
    currentPrimaryTimestamp: '2026-11-03T10:21:07.554012Z',
    targetPrimary: 'pg-platform-dr-1',
    targetPrimaryTimestamp: '2026-11-03T10:20:58.120443Z',
    phase: 'Cluster in healthy state',
    timelineID: 2,
    instancesStatus: { healthy: ['pg-platform-dr-1', 'pg-platform-dr-2'] },
    instancesReportedState: {
      'pg-platform-dr-1': { isPrimary: true, timeLineID: 2 },
      'pg-platform-dr-2': { isPrimary: false, timeLineID: 2 },
    },
    conditions: [condition('Ready', 'True', 'ClusterIsReady', 'Cluster is Ready', '2026-11-03T10:22:41Z')],
    switchReplicaClusterStatus: {},
  });
  return {
    ...c,
    spec: {
      ...c.spec,
      bootstrap: { recovery: { source: 'pg-platform' } },
      replica: { enabled: true, source: 'pg-platform' },
      externalClusters: [
        {
          name: 'pg-platform',
          barmanObjectStore: { destinationPath: 's3://pg-backups/', serverName: 'pg-platform', s3Credentials: { accessKeyId: { name: 'pg-backups-s3', key: 'ACCESS_KEY_ID' }, secretAccessKey: { name: 'pg-backups-s3', key: 'ACCESS_SECRET_KEY' } } },
        },
      ],
    },
  };
})();

export function backup(name: string, cluster: string, status: Record<string, any>): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Backup',
    metadata: { ...meta(name, 'Backup'), labels: { 'cnpg.io/cluster': cluster } },
    spec: { cluster: { name: cluster }, method: 'barmanObjectStore' },
    status: { method: 'barmanObjectStore', serverName: cluster, destinationPath: `s3://pg-backups/${cluster}`, ...status },
  };
}

export const backups: KubeObject[] = [
  backup('pg-platform-daily-20261125020000', 'pg-platform', { phase: 'completed', startedAt: '2026-11-25T02:00:04Z', stoppedAt: '2026-11-25T02:07:41Z', backupId: '20261125T020004', beginWal: '000000020000000A0000001C', endWal: '000000020000000A0000001E' }),
  backup('pg-platform-daily-20261124020000', 'pg-platform', { phase: 'completed', startedAt: '2026-11-24T02:00:03Z', stoppedAt: '2026-11-24T02:07:12Z', backupId: '20261124T020003' }),
  backup('pg-ai-daily-20261125040000', 'pg-ai', {
    phase: 'failed',
    startedAt: '2026-11-25T04:00:05Z',
    stoppedAt: '2026-11-25T04:03:12Z',
    error: "can't execute backup: exit status 4: barman-cloud-backup: ERROR: Barman cloud backup exception: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
  }),
  backup('pg-ai-daily-20261124040000', 'pg-ai', { phase: 'completed', startedAt: '2026-11-24T04:00:04Z', stoppedAt: '2026-11-24T04:06:30Z' }),
];

export function scheduledBackup(name: string, cluster: string, schedule: string, status: Record<string, any>, suspend = false): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: meta(name, 'ScheduledBackup'),
    spec: { cluster: { name: cluster }, schedule, backupOwnerReference: 'self', method: 'barmanObjectStore', immediate: true, suspend },
    status,
  };
}

export const scheduledBackups: KubeObject[] = [
  scheduledBackup('pg-platform-daily', 'pg-platform', '0 0 2 * * *', { lastCheckTime: '2026-11-25T02:00:00Z', lastScheduleTime: '2026-11-25T02:00:00Z', nextScheduleTime: '2026-11-26T02:00:00Z' }),
  scheduledBackup('pg-media-daily', 'pg-media', '0 0 3 * * *', { lastCheckTime: '2026-11-25T03:00:00Z', lastScheduleTime: '2026-11-25T03:00:00Z', nextScheduleTime: '2026-11-26T03:00:00Z' }),
  scheduledBackup('pg-ai-daily', 'pg-ai', '0 0 4 * * *', { lastCheckTime: '2026-11-25T04:00:00Z', lastScheduleTime: '2026-11-25T04:00:00Z', nextScheduleTime: '2026-11-26T04:00:00Z' }),
];

export const poolers: KubeObject[] = [
  {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Pooler',
    metadata: meta('pg-platform-pooler-rw', 'Pooler'),
    spec: { cluster: { name: 'pg-platform' }, instances: 2, type: 'rw', pgbouncer: { poolMode: 'transaction' } },
    status: { instances: 2, secrets: { serverCA: { name: 'pg-platform-ca', version: '48211312' } } },
  },
];
