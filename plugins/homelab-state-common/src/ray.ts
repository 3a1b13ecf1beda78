import type { Condition, KubeObject, Severity } from './objects';
import { findCondition, worst } from './objects';

/** @public */
export interface RayWorkerGroup {
  name: string;
  desired?: number;
  min?: number;
  max?: number;
}

/** @public */
export interface RayClusterSummary {
  name: string;
  namespace?: string;
  state?: string;
  severity: Severity;
  suspended: boolean;
  headReady?: boolean;
  headPod?: string;
  headService?: string;
  workerGroups: RayWorkerGroup[];
  desiredWorkers?: number;
  readyWorkers?: number;
  availableWorkers?: number;
  minWorkers?: number;
  maxWorkers?: number;
  desiredCPU?: string;
  desiredMemory?: string;
  desiredGPU?: string;
  lastUpdateTime?: string;
  reason?: string;
}

/**
 * Summarises a KubeRay RayCluster.
 *
 * @public
 */
export function deriveRayCluster(obj: KubeObject): RayClusterSummary {
  const s = obj.status ?? {};
  const conditions: Condition[] = s.conditions ?? [];
  const headCond = findCondition(conditions, 'HeadPodReady');
  const suspendedCond = findCondition(conditions, 'RayClusterSuspended');
  const suspended = obj.spec?.suspend === true || s.state === 'suspended' || suspendedCond?.status === 'True';
  const state: string | undefined = s.state;
  // KubeRay can write state "ready" while the head Pod is still Pending
  // (kuberay#2188): a head with a service IP but no Pod IP is not up.
  const headPending = !!s.head && !!s.head.serviceIP && !s.head.podIP;
  const headReadyFromStatus = headPending ? false : undefined;
  let severity: Severity = 'unknown';
  if (state === 'failed' || s.reason) severity = 'error';
  else if (suspended) severity = 'warning';
  else if (state === 'ready') severity = (headCond && headCond.status !== 'True') || headPending ? 'warning' : 'ok';
  else if (state) severity = 'warning';
  else if (headCond?.status === 'True') {
    // No state written (feature-gated conditions only): the conditions decide.
    const provisioned = findCondition(conditions, 'RayClusterProvisioned') ?? findCondition(conditions, 'RayClusterReady');
    severity = !provisioned || provisioned.status === 'True' ? 'ok' : 'warning';
  }
  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    state,
    severity,
    suspended,
    headReady: headCond ? headCond.status === 'True' : headReadyFromStatus,
    headPod: s.head?.podName,
    headService: s.head?.serviceName,
    workerGroups: (obj.spec?.workerGroupSpecs ?? []).map((g: any) => ({
      name: g.groupName,
      desired: g.replicas,
      min: g.minReplicas,
      max: g.maxReplicas,
    })),
    desiredWorkers: s.desiredWorkerReplicas,
    readyWorkers: s.readyWorkerReplicas,
    availableWorkers: s.availableWorkerReplicas,
    minWorkers: s.minWorkerReplicas,
    maxWorkers: s.maxWorkerReplicas,
    desiredCPU: s.desiredCPU,
    desiredMemory: s.desiredMemory,
    desiredGPU: s.desiredGPU,
    lastUpdateTime: s.lastUpdateTime,
    reason: s.reason,
  };
}

/** @public */
export interface RayServeDeployment {
  name: string;
  status?: string;
  message?: string;
  severity: Severity;
}

/** @public */
export interface RayServeApplication {
  name: string;
  status?: string;
  message?: string;
  severity: Severity;
  deployments: RayServeDeployment[];
}

/** @public */
export interface RayServiceSummary {
  name: string;
  namespace?: string;
  severity: Severity;
  serviceStatus?: string;
  ready?: boolean;
  upgradeInProgress: boolean;
  rayClusterName?: string;
  pendingRayClusterName?: string;
  numServeEndpoints?: number;
  applications: RayServeApplication[];
  /** Serve applications of the pending cluster during an upgrade. */
  pendingApplications: RayServeApplication[];
}

/** Severity of a Serve application status. @public */
export const RAY_SERVE_APP_SEVERITY: Record<string, Severity> = {
  RUNNING: 'ok',
  DEPLOYING: 'warning',
  NOT_STARTED: 'warning',
  DELETING: 'warning',
  UNHEALTHY: 'error',
  DEPLOY_FAILED: 'error',
};
/** Severity of a Serve deployment status. @public */
export const RAY_SERVE_DEPLOYMENT_SEVERITY: Record<string, Severity> = {
  HEALTHY: 'ok',
  UPDATING: 'warning',
  UPSCALING: 'warning',
  DOWNSCALING: 'warning',
  UNHEALTHY: 'error',
  DEPLOY_FAILED: 'error',
};

function deriveServeDeployments(raw: unknown): RayServeDeployment[] {
  // v1 writes a map keyed by deployment name (names may contain ':');
  // v1alpha1 wrote a list of {name, status, message}.
  const entries: Array<[string, any]> = Array.isArray(raw)
    ? raw.map((d: any) => [String(d?.name ?? ''), d])
    : Object.entries<any>(raw ?? {});
  return entries.map(([name, d]) => ({
    name,
    status: d?.status,
    message: d?.message || undefined,
    severity: RAY_SERVE_DEPLOYMENT_SEVERITY[d?.status] ?? 'unknown',
  }));
}

function appSeverity(status: unknown, message: unknown): Severity {
  const known = RAY_SERVE_APP_SEVERITY[status as string];
  if (known) return known;
  // The status line can be missing while the message says the deploy failed.
  if (typeof message === 'string' && /\bfailed\b/i.test(message)) return 'error';
  return 'unknown';
}

function deriveServeApplications(serviceStatus: any): RayServeApplication[] {
  if (!serviceStatus) return [];
  const apps: RayServeApplication[] = Object.entries<any>(serviceStatus.applicationStatuses ?? {}).map(([name, app]) => {
    const deployments = deriveServeDeployments(app?.serveDeploymentStatuses);
    return {
      name,
      status: app?.status,
      message: app?.message || undefined,
      severity: worst(appSeverity(app?.status, app?.message), ...deployments.map(d => d.severity)),
      deployments,
    };
  });
  // v1alpha1 single-application shape: appStatus + a top-level deployment list.
  const legacyDeployments = deriveServeDeployments(serviceStatus.serveDeploymentStatuses);
  if (!apps.length && (serviceStatus.appStatus?.status || legacyDeployments.length)) {
    const app = serviceStatus.appStatus ?? {};
    apps.push({
      name: 'default',
      status: app.status,
      message: app.message || undefined,
      severity: worst(app.status ? appSeverity(app.status, app.message) : 'ok', ...legacyDeployments.map(d => d.severity)),
      deployments: legacyDeployments,
    });
  }
  return apps;
}

/**
 * Summarises a KubeRay RayService: every Serve application and deployment of
 * the active cluster, and of the pending one during an upgrade (a failed
 * deploy there is the reason an upgrade never finishes).
 *
 * @public
 */
export function deriveRayService(obj: KubeObject): RayServiceSummary {
  const s = obj.status ?? {};
  const active = s.activeServiceStatus ?? {};
  const applications = deriveServeApplications(active);
  const pendingApplications = deriveServeApplications(s.pendingServiceStatus);
  const conditions: Condition[] = s.conditions ?? [];
  const readyCond = findCondition(conditions, 'Ready');
  const upgrade = findCondition(conditions, 'UpgradeInProgress');
  let base: Severity = applications.length || pendingApplications.length ? 'ok' : 'unknown';
  if (readyCond && readyCond.status !== 'True') base = 'error';
  else if (s.serviceStatus === 'Running' && base === 'unknown') base = 'ok';
  const pendingRayClusterName: string | undefined = s.pendingServiceStatus?.rayClusterName || undefined;
  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    severity: worst(base, ...applications.map(a => a.severity), ...pendingApplications.map(a => a.severity)),
    serviceStatus: s.serviceStatus,
    ready: readyCond ? readyCond.status === 'True' : undefined,
    upgradeInProgress: upgrade?.status === 'True' || !!pendingRayClusterName,
    rayClusterName: active.rayClusterName,
    pendingRayClusterName,
    numServeEndpoints: s.numServeEndpoints,
    applications,
    pendingApplications,
  };
}

/** @public */
export interface RayJobSummary {
  name: string;
  namespace?: string;
  severity: Severity;
  jobId?: string;
  jobStatus?: string;
  deploymentStatus?: string;
  rayClusterName?: string;
  startTime?: string;
  endTime?: string;
  durationSeconds?: number;
  message?: string;
  reason?: string;
}

/**
 * Summarises a KubeRay RayJob; a running job's duration counts up to `now`.
 *
 * @public
 */
export function deriveRayJob(obj: KubeObject, now: Date): RayJobSummary {
  const s = obj.status ?? {};
  const start = s.startTime ? Date.parse(s.startTime) : NaN;
  const end = s.endTime ? Date.parse(s.endTime) : now.getTime();
  let severity: Severity = 'unknown';
  if (s.jobStatus === 'FAILED' || s.jobDeploymentStatus === 'Failed') severity = 'error';
  else if (s.jobStatus === 'SUCCEEDED') severity = 'ok';
  else if (s.jobStatus === 'STOPPED' || s.jobDeploymentStatus === 'Suspended') severity = 'warning';
  else if (s.jobStatus === 'RUNNING' || s.jobStatus === 'PENDING') severity = 'ok';
  else if (['Initializing', 'Running', 'Waiting'].includes(s.jobDeploymentStatus)) severity = 'ok';
  return {
    name: obj.metadata?.name ?? '',
    namespace: obj.metadata?.namespace,
    severity,
    jobId: s.jobId,
    jobStatus: s.jobStatus,
    deploymentStatus: s.jobDeploymentStatus,
    rayClusterName: s.rayClusterName,
    startTime: s.startTime,
    endTime: s.endTime,
    durationSeconds: Number.isNaN(start) ? undefined : Math.max(0, Math.round((end - start) / 1000)),
    message: s.message,
    reason: s.reason,
  };
}
