import type { Config } from '@backstage/config';
import type { ClusterConnection } from './sources/KubernetesApiSource';
import { KubernetesApiSource } from './sources/KubernetesApiSource';
import { KubernetesProxySource } from './sources/KubernetesProxySource';
import type { AuthService, DiscoveryService, LoggerService } from '@backstage/backend-plugin-api';
import { PrometheusClient } from './prometheus/PrometheusClient';
import { RayDashboardClient } from './ray/RayDashboardClient';
import { RecordedObjectsSource } from './sources/RecordedObjectsSource';
import type { ObjectSource } from './sources/types';
import { resolve } from 'node:path';

/** @public */
export interface StateConfig {
  source: 'kubernetes' | 'kubernetes-proxy' | 'recorded';
  recordedPath?: string;
  recordedClusterName: string;
  /** When the recordings were taken; ages are computed as of then. */
  recordedAt?: string;
  cacheTtlMs: number;
  /** How long past its TTL a list is served while it reloads in the background; 0 waits. */
  serveStaleMs: number;
  requestTimeoutMs: number;
  staleBackupHours: number;
  prometheusUrl?: string;
  /** Whether ray-cluster and ray-service states are enriched from the Ray dashboard, and its port. */
  rayDashboard: { enabled: boolean; port: number };
  /**
   * Serve the overview from bytes serialised once per change of its inputs,
   * with an ETag. False derives it per request (the benchmark's baseline).
   */
  serializedOverview: boolean;
}

/**
 * Reads `homelab.state`, naming the key of anything wrong.
 *
 * @public
 */
export function readStateConfig(config: Config): StateConfig {
  const c = config.getOptionalConfig('homelab.state');
  const source = c?.getOptionalString('source') ?? 'kubernetes';
  if (source !== 'kubernetes' && source !== 'kubernetes-proxy' && source !== 'recorded') {
    throw new Error(`homelab.state.source must be "kubernetes", "kubernetes-proxy" or "recorded", got "${source}"`);
  }
  const recordedPath = c?.getOptionalString('recorded.path');
  if (source === 'recorded' && !recordedPath) {
    throw new Error('homelab.state.source is "recorded" but homelab.state.recorded.path is not set');
  }
  const positive = (key: string, fallback: number) => {
    const v = c?.getOptionalNumber(key) ?? fallback;
    if (!(v > 0)) throw new Error(`homelab.state.${key} must be a positive number, got ${v}`);
    return v;
  };
  const nonNegative = (key: string, fallback: number) => {
    const v = c?.getOptionalNumber(key) ?? fallback;
    if (!(v >= 0)) throw new Error(`homelab.state.${key} must be zero or a positive number, got ${v}`);
    return v;
  };
  return {
    source,
    recordedPath: recordedPath ? resolve(recordedPath) : undefined,
    recordedClusterName: c?.getOptionalString('recorded.clusterName') ?? 'homelab',
    recordedAt: readRecordedAt(c?.getOptionalString('recorded.recordedAt')),
    cacheTtlMs: positive('cacheTtlSeconds', 30) * 1000,
    serveStaleMs: nonNegative('serveStaleSeconds', positive('cacheTtlSeconds', 30)) * 1000,
    requestTimeoutMs: positive('requestTimeoutSeconds', 10) * 1000,
    staleBackupHours: positive('staleBackupHours', 26),
    prometheusUrl: c?.getOptionalString('prometheus.url'),
    rayDashboard: readRayDashboard(c),
    serializedOverview: c?.getOptionalBoolean('serializedOverview') ?? true,
  };
}

function readRayDashboard(c: Config | undefined): StateConfig['rayDashboard'] {
  const read = <T>(key: string, get: (k: string) => T | undefined, wanted: string): T | undefined => {
    try {
      return get(key);
    } catch {
      throw new Error(`homelab.state.${key} must be ${wanted}, got ${JSON.stringify(c?.getOptional(key))}`);
    }
  };
  const enabled = read('rayDashboard.enabled', k => c?.getOptionalBoolean(k), 'true or false') ?? false;
  const port = read('rayDashboard.port', k => c?.getOptionalNumber(k), 'a TCP port (1–65535)') ?? 8265;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`homelab.state.rayDashboard.port must be a TCP port (1–65535), got ${port}`);
  }
  return { enabled, port };
}

function readRecordedAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(Date.parse(value))) {
    throw new Error(`homelab.state.recorded.recordedAt must be an RFC 3339 time, got "${value}"`);
  }
  return new Date(value).toISOString();
}

/**
 * The clusters of the Kubernetes plugin's `config` cluster locators, so both
 * read the same clusters with the same credentials.
 *
 * @public
 */
export function readClusterConnections(config: Config): ClusterConnection[] {
  const methods = config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => ({
      name: c.getString('name'),
      url: c.getString('url'),
      // Required by the Kubernetes plugin too: which credentials a cluster uses is never guessed.
      authProvider: c.getString('authProvider'),
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      caData: c.getOptionalString('caData'),
      caFile: c.getOptionalString('caFile'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
    }));
}

/**
 * The source `homelab.state` asks for.
 *
 * @public
 */
export function createObjectSource(
  config: Config,
  state: StateConfig = readStateConfig(config),
  services?: { discovery: DiscoveryService; auth: AuthService; logger?: LoggerService },
): ObjectSource {
  if (state.source === 'recorded') {
    return new RecordedObjectsSource(state.recordedPath!, state.recordedClusterName);
  }
  if (state.source === 'kubernetes-proxy') {
    if (!services) throw new Error('homelab.state.source "kubernetes-proxy" needs the discovery and auth services');
    return new KubernetesProxySource(services);
  }
  return new KubernetesApiSource(readClusterConnections(config), {
    logger: services?.logger?.child({ component: 'kubernetes-api-source' }),
  });
}

/**
 * The Prometheus client `homelab.state.prometheus.url` asks for, or undefined
 * when it is not set (then nothing is enriched and nothing is reported).
 *
 * @public
 */
export function createPrometheusClient(state: StateConfig): PrometheusClient | undefined {
  if (!state.prometheusUrl) return undefined;
  return new PrometheusClient({ url: state.prometheusUrl, ttlMs: state.cacheTtlMs, timeoutMs: state.requestTimeoutMs });
}

/**
 * The Ray dashboard client `homelab.state.rayDashboard.enabled` asks for, or
 * undefined when it is off (then nothing is enriched and nothing is reported).
 *
 * @public
 */
export function createRayDashboardClient(state: StateConfig): RayDashboardClient | undefined {
  if (!state.rayDashboard?.enabled) return undefined;
  return new RayDashboardClient({
    port: state.rayDashboard.port,
    ttlMs: state.cacheTtlMs,
    timeoutMs: state.requestTimeoutMs,
  });
}
