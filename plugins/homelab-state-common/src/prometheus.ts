import type { RayDashboardEnrichment } from './rayDashboard';

/**
 * One sample of an instant vector, as the Prometheus HTTP API returns it:
 * the labels and `[unix time, "value"]`.
 *
 * @public
 */
export interface PrometheusSample {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * The PromQL the enrichment asks, one query per value, by id. Metric names
 * are those of the Ceph mgr `prometheus` module and of CloudNativePG's
 * default monitoring queries.
 *
 * @public
 */
export const PROMETHEUS_QUERIES = {
  cephOsdsUp: 'sum(ceph_osd_up)',
  cephOsdsIn: 'sum(ceph_osd_in)',
  cephOsdsTotal: 'count(ceph_osd_up)',
  cephPgActive: 'sum(ceph_pg_active)',
  cephPgClean: 'sum(ceph_pg_clean)',
  cephPgDegraded: 'sum(ceph_pg_degraded)',
  cephPgUndersized: 'sum(ceph_pg_undersized)',
  cephPgPeering: 'sum(ceph_pg_peering)',
  cephPgTotal: 'sum(ceph_pg_total)',
  cephPoolPercentUsed: 'ceph_pool_percent_used * on(pool_id) group_left(name) ceph_pool_metadata',
  cephPoolStored: 'ceph_pool_stored * on(pool_id) group_left(name) ceph_pool_metadata',
  cephClientReadIops: 'sum(rate(ceph_pool_rd[5m]))',
  cephClientWriteIops: 'sum(rate(ceph_pool_wr[5m]))',
  cnpgReplicationLag: 'max by (namespace, pod) (cnpg_pg_replication_lag)',
} as const;

/** @public */
export type PrometheusQueryId = keyof typeof PROMETHEUS_QUERIES;

/** Ids of the queries the Ceph enrichment needs. @public */
export const CEPH_PROMETHEUS_QUERIES = (Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]).filter(id =>
  id.startsWith('ceph'),
);

/** Ids of the queries the CloudNativePG enrichment needs. @public */
export const CNPG_PROMETHEUS_QUERIES: PrometheusQueryId[] = ['cnpgReplicationLag'];

/**
 * What each query returned; a query that failed or was not asked is absent.
 *
 * @public
 */
export type PrometheusResults = Partial<Record<PrometheusQueryId, PrometheusSample[]>>;

/** @public */
export interface CephPoolUsage {
  name: string;
  /** 0–100. */
  percentUsed: number;
  storedBytes?: number;
}

/**
 * Ceph figures from Prometheus; each field is absent when its query returned nothing.
 *
 * @public
 */
export interface CephPrometheusEnrichment {
  osdsUp?: number;
  osdsIn?: number;
  osdsTotal?: number;
  /** PG state (active, clean, degraded, undersized, peering) -> PGs in it, summed over pools. */
  pgStates?: Record<string, number>;
  pgsTotal?: number;
  pools?: CephPoolUsage[];
  clientReadIops?: number;
  clientWriteIops?: number;
}

/** @public */
export interface CnpgPrometheusEnrichment {
  /** Pod name (e.g. pg-media-2) -> replication lag in seconds, as CNPG's exporter reports it. */
  replicationLagSeconds?: Record<string, number>;
}

/** @public */
export interface PrometheusEnrichment {
  ceph?: CephPrometheusEnrichment;
  cnpg?: CnpgPrometheusEnrichment;
}

/**
 * Prometheus figures in the overview: absent when Prometheus is not
 * configured; `error` says why some or all are missing.
 *
 * @public
 */
export interface PlatformPrometheusEnrichment extends PrometheusEnrichment {
  error?: string;
}

/**
 * Figures from Prometheus or the Ray dashboard on one object's state;
 * `error` says, in one sentence, why some are missing.
 *
 * @public
 */
export interface ObjectEnrichment {
  /** For a ceph-cluster. */
  ceph?: CephPrometheusEnrichment;
  /** For a cnpg-cluster: its pods' lag in seconds. */
  replicationLagSeconds?: Record<string, number>;
  /** For a ray-cluster (its jobs) or a ray-service (its active cluster's Serve applications), when the Ray dashboard enrichment is enabled. */
  rayDashboard?: RayDashboardEnrichment;
  error?: string;
}

const PG_STATES: Array<[PrometheusQueryId, string]> = [
  ['cephPgActive', 'active'],
  ['cephPgClean', 'clean'],
  ['cephPgDegraded', 'degraded'],
  ['cephPgUndersized', 'undersized'],
  ['cephPgPeering', 'peering'],
];

const valueOf = (s: PrometheusSample): number | undefined => {
  const v = Number(s.value?.[1]);
  return Number.isFinite(v) ? v : undefined;
};

/** The single value of an aggregated query, or undefined when it returned nothing. */
function scalar(samples: PrometheusSample[] | undefined): number | undefined {
  const values = (samples ?? []).map(valueOf).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) : undefined;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function compact<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/**
 * Turns what the enrichment queries returned into Ceph and CloudNativePG
 * figures. Pure; anything a query did not return is left out.
 *
 * @public
 */
export function derivePrometheusEnrichment(results: PrometheusResults): PrometheusEnrichment {
  const pgStates: Record<string, number> = {};
  for (const [id, state] of PG_STATES) {
    const v = scalar(results[id]);
    if (v !== undefined) pgStates[state] = v;
  }

  const stored = new Map<string, number>();
  for (const s of results.cephPoolStored ?? []) {
    const v = valueOf(s);
    if (s.metric.name && v !== undefined) stored.set(s.metric.name, v);
  }
  const pools: CephPoolUsage[] = [];
  for (const s of results.cephPoolPercentUsed ?? []) {
    const v = valueOf(s);
    if (!s.metric.name || v === undefined) continue;
    // The mgr module reports a ratio (0–1).
    const pool: CephPoolUsage = { name: s.metric.name, percentUsed: round(v * 100, 1) };
    if (stored.has(s.metric.name)) pool.storedBytes = stored.get(s.metric.name);
    pools.push(pool);
  }
  pools.sort((a, b) => b.percentUsed - a.percentUsed || a.name.localeCompare(b.name));

  const read = scalar(results.cephClientReadIops);
  const write = scalar(results.cephClientWriteIops);
  const ceph = compact<CephPrometheusEnrichment>({
    osdsUp: scalar(results.cephOsdsUp),
    osdsIn: scalar(results.cephOsdsIn),
    osdsTotal: scalar(results.cephOsdsTotal),
    pgStates: Object.keys(pgStates).length ? pgStates : undefined,
    pgsTotal: scalar(results.cephPgTotal),
    pools: pools.length ? pools : undefined,
    clientReadIops: read === undefined ? undefined : round(read, 1),
    clientWriteIops: write === undefined ? undefined : round(write, 1),
  });

  const lag: Record<string, number> = {};
  for (const s of results.cnpgReplicationLag ?? []) {
    const v = valueOf(s);
    if (s.metric.pod && v !== undefined) lag[s.metric.pod] = Math.max(v, lag[s.metric.pod] ?? -Infinity);
  }
  const cnpg = Object.keys(lag).length ? { replicationLagSeconds: lag } : undefined;

  return compact<PrometheusEnrichment>({ ceph, cnpg }) ?? {};
}

/**
 * The lag of one CloudNativePG cluster's pods (named `<cluster>-<n>`).
 *
 * @public
 */
export function replicationLagOf(
  lag: Record<string, number> | undefined,
  cluster: string,
): Record<string, number> | undefined {
  const pod = new RegExp(`^${cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);
  const mine = Object.entries(lag ?? {}).filter(([name]) => pod.test(name));
  return mine.length ? Object.fromEntries(mine) : undefined;
}
