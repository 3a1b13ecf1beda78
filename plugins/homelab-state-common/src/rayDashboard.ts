import type { Severity } from './objects';
import { worst } from './objects';
import { RAY_SERVE_APP_SEVERITY, RAY_SERVE_DEPLOYMENT_SEVERITY } from './ray';

/**
 * One job as the Ray Jobs REST API (`GET /api/jobs/`) lists it; times are
 * milliseconds since the epoch.
 *
 * @public
 */
export interface RayJobDetails {
  job_id?: string | null;
  submission_id?: string | null;
  type?: string;
  status?: string;
  entrypoint?: string;
  message?: string | null;
  error_type?: string | null;
  start_time?: number | null;
  end_time?: number | null;
  metadata?: Record<string, string>;
}

/** One deployment of a Serve application, as `GET /api/serve/applications/` details it. @public */
export interface RayServeDeploymentDetails {
  name?: string;
  status?: string;
  message?: string;
  /** Replica state -> count (the status overview's shape). */
  replica_states?: Record<string, number>;
  /** The replicas, each with its state (the REST API's detailed shape). */
  replicas?: Array<{ state?: string }>;
  target_num_replicas?: number;
}

/** One Serve application, as `GET /api/serve/applications/` details it. @public */
export interface RayServeApplicationDetails {
  name?: string;
  status?: string;
  message?: string;
  route_prefix?: string | null;
  last_deployed_time_s?: number;
  deployments?: Record<string, RayServeDeploymentDetails>;
}

/** The body of the Ray Serve REST API's `GET /api/serve/applications/`. @public */
export interface RayServeApplicationsResponse {
  applications?: Record<string, RayServeApplicationDetails>;
}

/** @public */
export interface RayDashboardJob {
  jobId?: string;
  submissionId?: string;
  status?: string;
  entrypoint?: string;
  message?: string;
  /** RFC 3339. */
  startTime?: string;
  /** RFC 3339. */
  endTime?: string;
  /** End minus start; a running job's counts up to `now` when given. */
  durationSeconds?: number;
  severity: Severity;
}

/** @public */
export interface RayDashboardDeployment {
  name: string;
  status?: string;
  message?: string;
  severity: Severity;
  /** Replica state (RUNNING, STARTING, …) -> replicas in it. */
  replicas: Record<string, number>;
}

/** @public */
export interface RayDashboardServeApplication {
  name: string;
  status?: string;
  routePrefix?: string;
  message?: string;
  /** RFC 3339. */
  lastDeployedTime?: string;
  severity: Severity;
  deployments: RayDashboardDeployment[];
}

/**
 * What a RayCluster's dashboard says; each field is absent when it was not
 * asked or could not be read.
 *
 * @public
 */
export interface RayDashboardEnrichment {
  jobs?: RayDashboardJob[];
  serveApplications?: RayDashboardServeApplication[];
}

const JOB_SEVERITY: Record<string, Severity> = {
  PENDING: 'ok',
  RUNNING: 'ok',
  SUCCEEDED: 'ok',
  STOPPED: 'warning',
  FAILED: 'error',
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function deriveJob(j: RayJobDetails, now: Date | undefined): RayDashboardJob {
  const start = num(j.start_time);
  const end = num(j.end_time);
  const until = end ?? (now && (j.status === 'RUNNING' || j.status === 'PENDING') ? now.getTime() : undefined);
  return compact<RayDashboardJob>({
    jobId: text(j.job_id),
    submissionId: text(j.submission_id),
    status: text(j.status),
    entrypoint: text(j.entrypoint),
    message: text(j.message),
    startTime: iso(start),
    endTime: iso(end),
    durationSeconds: start !== undefined && until !== undefined ? Math.max(0, Math.round((until - start) / 1000)) : undefined,
    severity: JOB_SEVERITY[j.status ?? ''] ?? 'unknown',
  });
}

function replicasOf(d: RayServeDeploymentDetails): Record<string, number> {
  const counts: Record<string, number> = {};
  if (d.replica_states && typeof d.replica_states === 'object') {
    for (const [state, n] of Object.entries(d.replica_states)) {
      if (num(n) !== undefined) counts[state] = n;
    }
  } else if (Array.isArray(d.replicas)) {
    for (const r of d.replicas) {
      const state = text(r?.state) ?? 'UNKNOWN';
      counts[state] = (counts[state] ?? 0) + 1;
    }
  }
  return counts;
}

function deriveApplication(name: string, app: RayServeApplicationDetails): RayDashboardServeApplication {
  const deployments = Object.entries(app?.deployments ?? {}).map(([dName, d]) =>
    compact<RayDashboardDeployment>({
      name: text(d?.name) ?? dName,
      status: text(d?.status),
      message: text(d?.message),
      severity: RAY_SERVE_DEPLOYMENT_SEVERITY[d?.status ?? ''] ?? 'unknown',
      replicas: replicasOf(d ?? {}),
    }),
  );
  const deployed = num(app?.last_deployed_time_s);
  return compact<RayDashboardServeApplication>({
    name,
    status: text(app?.status),
    routePrefix: text(app?.route_prefix),
    message: text(app?.message),
    lastDeployedTime: deployed === undefined ? undefined : iso(deployed * 1000),
    severity: worst(RAY_SERVE_APP_SEVERITY[app?.status ?? ''] ?? 'unknown', ...deployments.map(d => d.severity)),
    deployments,
  });
}

/**
 * Turns what a Ray dashboard answered into jobs and Serve applications. Pure;
 * a part not given is left out, and so is any field an answer lacks. Jobs come
 * newest first; `now` lets a running job's duration count up.
 *
 * @public
 */
export function deriveRayDashboard(
  answers: { jobs?: RayJobDetails[]; serve?: RayServeApplicationsResponse },
  now?: Date,
): RayDashboardEnrichment {
  const jobs = answers.jobs
    ?.map(j => deriveJob(j ?? {}, now))
    .sort((a, b) => (b.startTime ?? '').localeCompare(a.startTime ?? ''));
  const serveApplications = answers.serve
    ? Object.entries(answers.serve.applications ?? {}).map(([name, app]) => deriveApplication(name, app))
    : undefined;
  return compact<RayDashboardEnrichment>({ jobs, serveApplications });
}
