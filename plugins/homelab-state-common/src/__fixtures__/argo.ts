// Argo CD Applications shaped as `kubectl get applications.argoproj.io -n argocd -o yaml`
// prints them with Argo CD 2.14 (status included).
import type { KubeObject } from '../objects';

export function application(name: string, status: Record<string, any>): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', uid: `a1f0${name.length}c3d-7e2b-4d9a-b1c4-5e8f2a6d0c${String(name.length).padStart(2, '0')}`, generation: 812, creationTimestamp: '2026-02-11T18:40:00Z' },
    spec: {
      project: 'apps-media',
      source: { repoURL: 'https://github.com/example/homelab-gitops.git', targetRevision: 'main', path: `cluster/apps/media/${name}` },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'media' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status,
  };
}

const revision = '9f2c1e4b7a0d3c5e8f1a2b3c4d5e6f708192a3b4';

export const syncedHealthy = application('jellyfin', {
  sync: { status: 'Synced', revision, comparedTo: { source: { path: 'cluster/apps/media/jellyfin', repoURL: 'https://github.com/example/homelab-gitops.git', targetRevision: 'main' }, destination: { namespace: 'media', server: 'https://kubernetes.default.svc' } } },
  health: { status: 'Healthy', lastTransitionTime: '2026-11-20T09:00:00Z' },
  operationState: { phase: 'Succeeded', message: 'successfully synced (all tasks run)', startedAt: '2026-11-25T09:12:01Z', finishedAt: '2026-11-25T09:12:04Z', syncResult: { revision } },
  reconciledAt: '2026-11-25T11:58:12Z',
  resources: [
    { version: 'v1', kind: 'Service', namespace: 'media', name: 'jellyfin', status: 'Synced', health: { status: 'Healthy' } },
    { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'media', name: 'jellyfin', status: 'Synced', health: { status: 'Healthy' } },
  ],
  sourceType: 'Kustomize',
  summary: { images: ['jellyfin/jellyfin:10.10.7'] },
});

export const outOfSyncDegraded = application('immich', {
  sync: { status: 'OutOfSync', revision },
  health: { status: 'Degraded', lastTransitionTime: '2026-11-25T10:31:44Z' },
  operationState: { phase: 'Succeeded', message: 'successfully synced (all tasks run)', startedAt: '2026-11-25T10:30:02Z', finishedAt: '2026-11-25T10:30:09Z', syncResult: { revision } },
  reconciledAt: '2026-11-25T11:58:40Z',
  resources: [
    { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'media', name: 'immich-server', status: 'Synced', health: { status: 'Degraded', message: 'Deployment "immich-server" exceeded its progress deadline' } },
    { version: 'v1', kind: 'ConfigMap', namespace: 'media', name: 'immich-config', status: 'OutOfSync' },
    { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'media', name: 'immich-machine-learning', status: 'Synced', health: { status: 'Healthy' } },
  ],
  sourceType: 'Kustomize',
});

export const missing = application('plex', {
  sync: { status: 'OutOfSync' },
  health: { status: 'Missing' },
  conditions: [
    {
      type: 'ComparisonError',
      message: 'Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = cluster/apps/media/plex: app path does not exist',
      lastTransitionTime: '2026-11-22T16:03:10Z',
    },
  ],
  reconciledAt: '2026-11-25T11:57:03Z',
  resources: [],
});

export const failedSync = application('nextcloud', {
  sync: { status: 'OutOfSync', revision },
  health: { status: 'Healthy' },
  operationState: {
    phase: 'Failed',
    message: 'one or more objects failed to apply, reason: CronJob.batch "nextcloud-cron" is invalid: spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4',
    startedAt: '2026-11-25T11:40:00Z',
    finishedAt: '2026-11-25T11:40:06Z',
    syncResult: { revision },
  },
  resources: [{ group: 'batch', version: 'v1', kind: 'CronJob', namespace: 'productivity', name: 'nextcloud-cron', status: 'OutOfSync', health: { status: 'Healthy' } }],
});

export const progressing = application('open-webui', {
  sync: { status: 'Synced', revision },
  health: { status: 'Progressing' },
  resources: [{ group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'ai', name: 'open-webui', status: 'Synced', health: { status: 'Progressing', message: 'Waiting for rollout to finish: 1 of 2 updated replicas are available...' } }],
});
