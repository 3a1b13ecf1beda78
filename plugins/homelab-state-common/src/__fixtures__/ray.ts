// KubeRay objects shaped as `kubectl get rayclusters,rayservices,rayjobs.ray.io -n ai -o yaml`
// prints them with KubeRay 1.3 (status included).
import type { KubeObject } from '../objects';

const meta = (name: string) => ({ name, namespace: 'ai', uid: `9c1d${name.length}e2a-5b0f-4f7e-8a11-2f6e3c0d9b${String(name.length).padStart(2, '0')}`, generation: 1, creationTimestamp: '2026-09-03T17:40:12Z' });

export const rayClusterReady: KubeObject = {
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: { ...meta('llm-serve-raycluster-7xk2p'), labels: { 'ray.io/originated-from-crd': 'RayService', 'ray.io/originated-from-cr-name': 'llm-serve' } },
  spec: {
    rayVersion: '2.44.1',
    headGroupSpec: { rayStartParams: { 'dashboard-host': '0.0.0.0' } },
    workerGroupSpecs: [{ groupName: 'gpu-workers', replicas: 1, minReplicas: 1, maxReplicas: 2, rayStartParams: {} }],
  },
  status: {
    availableWorkerReplicas: 1,
    desiredCPU: '10',
    desiredGPU: '1',
    desiredMemory: '56Gi',
    desiredTPU: '0',
    desiredWorkerReplicas: 1,
    endpoints: { client: '10001', dashboard: '8265', 'gcs-server': '6379', metrics: '8080', serve: '8000' },
    head: { podIP: '10.42.1.37', podName: 'llm-serve-raycluster-7xk2p-head-9fz5t', serviceIP: '10.43.118.20', serviceName: 'llm-serve-raycluster-7xk2p-head-svc' },
    lastUpdateTime: '2026-11-25T11:58:40Z',
    maxWorkerReplicas: 2,
    minWorkerReplicas: 1,
    observedGeneration: 1,
    readyWorkerReplicas: 1,
    state: 'ready',
    stateTransitionTimes: { ready: '2026-11-20T07:12:55Z' },
    conditions: [
      { type: 'HeadPodReady', status: 'True', reason: 'HeadPodRunningAndReady', message: '', lastTransitionTime: '2026-11-20T07:12:40Z' },
      { type: 'RayClusterProvisioned', status: 'True', reason: 'AllPodRunningAndReadyFirstTime', message: '', lastTransitionTime: '2026-11-20T07:12:55Z' },
    ],
  },
};

export const rayClusterSuspended: KubeObject = {
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: meta('ray-batch'),
  spec: { rayVersion: '2.44.1', suspend: true, workerGroupSpecs: [{ groupName: 'cpu-workers', replicas: 0, minReplicas: 0, maxReplicas: 4 }] },
  status: {
    availableWorkerReplicas: 0,
    desiredCPU: '0',
    desiredGPU: '0',
    desiredMemory: '0',
    desiredWorkerReplicas: 0,
    lastUpdateTime: '2026-11-23T18:30:02Z',
    maxWorkerReplicas: 4,
    minWorkerReplicas: 0,
    readyWorkerReplicas: 0,
    state: 'suspended',
    conditions: [
      { type: 'RayClusterSuspending', status: 'False', reason: 'RayClusterSuspending', lastTransitionTime: '2026-11-23T18:30:01Z' },
      { type: 'RayClusterSuspended', status: 'True', reason: 'RayClusterSuspended', lastTransitionTime: '2026-11-23T18:30:02Z' },
    ],
  },
};

export const rayServiceUnhealthy: KubeObject = {
  apiVersion: 'ray.io/v1',
  kind: 'RayService',
  metadata: meta('llm-serve'),
  spec: { serveConfigV2: 'applications: [...]' },
  status: {
    activeServiceStatus: {
      rayClusterName: 'llm-serve-raycluster-7xk2p',
      rayClusterStatus: { state: 'ready' },
      applicationStatuses: {
        llm: {
          status: 'RUNNING',
          healthLastUpdateTime: '2026-11-25T11:59:50Z',
          serveDeploymentStatuses: {
            LLMServer: { status: 'HEALTHY', healthLastUpdateTime: '2026-11-25T11:59:50Z' },
            LLMRouter: { status: 'HEALTHY', healthLastUpdateTime: '2026-11-25T11:59:50Z' },
          },
        },
        embeddings: {
          status: 'UNHEALTHY',
          message: 'The deployment failed to start 3 times in a row. This may be due to a problem with its constructor or initial health check failing.',
          healthLastUpdateTime: '2026-11-25T11:59:50Z',
          serveDeploymentStatuses: {
            Embedder: {
              status: 'UNHEALTHY',
              message: "Replica(id='r8x2k', deployment='Embedder', app='embeddings') failed health check: CUDA out of memory. Tried to allocate 2.00 GiB",
              healthLastUpdateTime: '2026-11-25T11:59:50Z',
            },
          },
        },
      },
    },
    pendingServiceStatus: {},
    serviceStatus: 'Running',
    numServeEndpoints: 1,
    observedGeneration: 3,
    lastUpdateTime: '2026-11-25T11:59:50Z',
    conditions: [
      { type: 'Ready', status: 'True', reason: 'NonZeroServeEndpoints', message: 'Number of serve endpoints is greater than 0', lastTransitionTime: '2026-11-20T07:13:30Z' },
      { type: 'UpgradeInProgress', status: 'False', reason: 'NoPendingCluster', message: 'No pending cluster exists', lastTransitionTime: '2026-11-20T07:13:30Z' },
    ],
  },
};

export const rayJobFailed: KubeObject = {
  apiVersion: 'ray.io/v1',
  kind: 'RayJob',
  metadata: meta('rag-ingest'),
  spec: { entrypoint: 'python ingest.py --source nextcloud', shutdownAfterJobFinishes: true },
  status: {
    dashboardURL: 'rag-ingest-raycluster-m2q8d-head-svc.ai.svc.cluster.local:8265',
    endTime: '2026-11-25T03:41:09Z',
    failed: 1,
    jobDeploymentStatus: 'Failed',
    jobId: 'rag-ingest-tn6rw',
    jobStatus: 'FAILED',
    message: 'Job entrypoint command failed with exit code 1, last available logs (truncated to 20,000 chars):\npsycopg.OperationalError: connection to server at "pg-ai-rw.database.svc" failed: FATAL: remaining connection slots are reserved',
    rayClusterName: 'rag-ingest-raycluster-m2q8d',
    startTime: '2026-11-25T03:00:02Z',
    succeeded: 0,
    observedGeneration: 1,
  },
};

export const rayJobRunning: KubeObject = {
  ...rayJobFailed,
  metadata: meta('embed-refresh'),
  status: { jobDeploymentStatus: 'Running', jobId: 'embed-refresh-x1', jobStatus: 'RUNNING', rayClusterName: 'embed-refresh-raycluster-abcde', startTime: '2026-11-25T11:30:00Z' },
};
