import type { KubeObject, RayJobDetails, RayServeApplicationsResponse } from '@internal/plugin-homelab-state-common';
import { CoalescingCache } from '../reader/CoalescingCache';

/** @public */
export interface RayDashboardClientOptions {
  /** Port of the dashboard on the head service. Default 8265. */
  port?: number;
  /** How long an answer (or a failure) is served from memory. */
  ttlMs: number;
  /** How long one call may take. */
  timeoutMs: number;
  /** Injected for tests. */
  now?: () => number;
  /**
   * Tests only: where to find a cluster's dashboard (e.g. a local stand-in).
   * It is asked only after the cluster's head service and namespace passed
   * validation. Production leaves it unset and uses {@link rayDashboardAddress}.
   */
  addressOf?: (cluster: KubeObject) => string;
}

/** What one dashboard call answered: the value, or why there is none, in one sentence. @public */
export interface RayDashboardAnswer<T> {
  value?: T;
  error?: string;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const isLabel = (v: unknown): v is string => typeof v === 'string' && v.length <= 63 && LABEL.test(v);

/**
 * The in-cluster address of a RayCluster's dashboard, from its status only:
 * `http://<status.head.serviceName, or <name>-head-svc>.<namespace>.svc.cluster.local:<port>`.
 * Both names must be DNS-1123 labels; otherwise the address is refused with
 * one sentence saying why.
 *
 * @public
 */
export function rayDashboardAddress(cluster: KubeObject, port: number): { url?: string; error?: string } {
  const { name, namespace } = cluster.metadata;
  const service: unknown = cluster.status?.head?.serviceName || `${name}-head-svc`;
  const who = `${namespace ?? '?'}/${name}`;
  if (!isLabel(namespace)) {
    return { error: `Ray dashboard of ${who} was not asked: its namespace is not a DNS-1123 label` };
  }
  if (!isLabel(service)) {
    return { error: `Ray dashboard of ${who} was not asked: its head service ${JSON.stringify(service)} is not a DNS-1123 label` };
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { error: `Ray dashboard of ${who} was not asked: port ${port} is not a TCP port` };
  }
  return { url: `http://${service}.${namespace}.svc.cluster.local:${port}` };
}

/**
 * Reads a RayCluster's dashboard: its jobs (Ray Jobs REST API) and Serve
 * applications (Ray Serve REST API), one HTTP call per cluster and path per
 * TTL window however many ask. The address comes only from the RayCluster's
 * status (see {@link rayDashboardAddress}), never from a request. Never
 * throws: a failed call answers an error, as one sentence.
 *
 * @public
 */
export class RayDashboardClient {
  private readonly cache: CoalescingCache<RayDashboardAnswer<unknown>>;
  private readonly port: number;
  private calls = 0;

  constructor(private readonly options: RayDashboardClientOptions) {
    this.cache = new CoalescingCache(options.ttlMs, options.now ?? Date.now);
    this.port = options.port ?? 8265;
  }

  /** HTTP calls made so far (for tests). */
  get httpCalls(): number {
    return this.calls;
  }

  /** The jobs of a RayCluster (`GET /api/jobs/`). */
  jobs(cluster: KubeObject): Promise<RayDashboardAnswer<RayJobDetails[]>> {
    return this.get(cluster, '/api/jobs/', body => {
      if (Array.isArray(body)) return body;
      // Older Ray versions answered an object keyed by job id.
      if (body && typeof body === 'object') {
        return Object.entries<any>(body).map(([id, j]) => ({ submission_id: id, ...j }));
      }
      return undefined;
    });
  }

  /** The Serve applications of a RayCluster (`GET /api/serve/applications/`). */
  serveApplications(cluster: KubeObject): Promise<RayDashboardAnswer<RayServeApplicationsResponse>> {
    return this.get(cluster, '/api/serve/applications/', body =>
      body && typeof body === 'object' && !Array.isArray(body) ? (body as RayServeApplicationsResponse) : undefined,
    );
  }

  private async get<T>(
    cluster: KubeObject,
    path: string,
    parse: (body: unknown) => T | undefined,
  ): Promise<RayDashboardAnswer<T>> {
    const address = rayDashboardAddress(cluster, this.port);
    if (address.error) return { error: address.error };
    const base = (this.options.addressOf ? this.options.addressOf(cluster) : address.url!).replace(/\/+$/, '');
    const who = `${cluster.metadata.namespace}/${cluster.metadata.name}`;
    return this.cache.get(`${base}${path}`, () => this.ask(`Ray dashboard of ${who} at ${base}`, base, path, parse)) as Promise<
      RayDashboardAnswer<T>
    >;
  }

  private async ask<T>(
    subject: string,
    base: string,
    path: string,
    parse: (body: unknown) => T | undefined,
  ): Promise<RayDashboardAnswer<T>> {
    this.calls++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const res = await fetch(`${base}${path}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (!res.ok) throw new Error(`${subject} answered HTTP ${res.status} to ${path}`);
      const value = parse(body);
      if (value === undefined) throw new Error(`${subject} answered ${path} with something other than the expected JSON`);
      return { value };
    } catch (e) {
      const err = e as Error;
      if (controller.signal.aborted) return { error: `${subject} did not answer within ${this.options.timeoutMs} ms` };
      if (err.message.startsWith(subject)) return { error: err.message };
      const cause = (err as { cause?: Error }).cause?.message;
      return { error: `${subject} is unreachable: ${cause ? `${err.message} (${cause})` : err.message}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
