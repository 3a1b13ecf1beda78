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
  // CNPG's pg_stat_archiver query: epoch seconds (-1: never) and counters,
  // exported by the primary only (and by replicas with archive_mode=always).
  cnpgArchiverLastArchivedTime: 'max by (namespace, pod) (cnpg_pg_stat_archiver_last_archived_time)',
  cnpgArchiverLastFailedTime: 'max by (namespace, pod) (cnpg_pg_stat_archiver_last_failed_time)',
  cnpgArchiverArchivedCount: 'max by (namespace, pod) (cnpg_pg_stat_archiver_archived_count)',
  cnpgArchiverFailedCount: 'max by (namespace, pod) (cnpg_pg_stat_archiver_failed_count)',
} as const;

/** @public */
export type PrometheusQueryId = keyof typeof PROMETHEUS_QUERIES;

/** Ids of the queries the Ceph enrichment needs. @public */
export const CEPH_PROMETHEUS_QUERIES = (Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]).filter(id =>
  id.startsWith('ceph'),
);

/** Ids of the queries the CloudNativePG enrichment needs. @public */
export const CNPG_PROMETHEUS_QUERIES = (Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]).filter(id =>
  id.startsWith('cnpg'),
);

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

/**
 * One instance's `pg_stat_archiver`, as CNPG's default monitoring queries
 * export it. The WAL file names are not exported, so they are not here.
 *
 * @public
 */
export interface CnpgWalArchiverStats {
  /** When a WAL file was last archived; absent if never. */
  lastArchivedAt?: string;
  /** When archiving a WAL file last failed; absent if never. */
  lastFailedAt?: string;
  /** WAL files archived since the statistics were last reset. */
  archivedCount?: number;
  /** Failed archiving attempts since the statistics were last reset. */
  failedCount?: number;
}

/** @public */
export interface CnpgPrometheusEnrichment {
  /** Pod name (e.g. pg-media-2) -> replication lag in seconds, as CNPG's exporter reports it. */
  replicationLagSeconds?: Record<string, number>;
  /** `namespace/pod` -> that instance's archiver statistics. */
  walArchiver?: Record<string, CnpgWalArchiverStats>;
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
  /** For a cnpg-cluster: WAL archiving as its archiving instance (`pod`, normally the primary) reports it. */
  walArchiver?: CnpgWalArchiverStats & { pod: string };
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
  const walArchiver = deriveWalArchiver(results);
  const cnpg = compact<CnpgPrometheusEnrichment>({
    replicationLagSeconds: Object.keys(lag).length ? lag : undefined,
    walArchiver,
  });

  return compact<PrometheusEnrichment>({ ceph, cnpg }) ?? {};
}

/** CNPG names an instance's pod `<cluster>-<serial>`. */
const podsOf = (cluster: string) => new RegExp(`^${cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`);

const ARCHIVER_FIELDS: Array<[PrometheusQueryId, keyof CnpgWalArchiverStats]> = [
  ['cnpgArchiverLastArchivedTime', 'lastArchivedAt'],
  ['cnpgArchiverLastFailedTime', 'lastFailedAt'],
  ['cnpgArchiverArchivedCount', 'archivedCount'],
  ['cnpgArchiverFailedCount', 'failedCount'],
];

function deriveWalArchiver(results: PrometheusResults): Record<string, CnpgWalArchiverStats> | undefined {
  const byPod: Record<string, CnpgWalArchiverStats> = {};
  for (const [id, field] of ARCHIVER_FIELDS) {
    for (const s of results[id] ?? []) {
      const v = valueOf(s);
      if (!s.metric.pod || v === undefined) continue;
      const stats = (byPod[`${s.metric.namespace ?? ''}/${s.metric.pod}`] ??= {});
      if (field === 'lastArchivedAt' || field === 'lastFailedAt') {
        // CNPG's query answers -1 for a time pg_stat_archiver has not recorded.
        if (v > 0) stats[field] = new Date(v * 1000).toISOString();
      } else {
        stats[field] = v;
      }
    }
  }
  return Object.keys(byPod).length ? byPod : undefined;
}

/**
 * The archiver statistics of one CloudNativePG cluster (pods named
 * `<cluster>-<n>`): those of the instance that archived or failed last.
 * That is the primary, the only instance that archives unless
 * `archive_mode=always` (a former primary's series lingers for Prometheus'
 * lookback after a switchover). Figures of several instances are never
 * added up: each counts from its own start. `namespace` undefined matches any.
 *
 * @public
 */
export function walArchiverOf(
  walArchiver: Record<string, CnpgWalArchiverStats> | undefined,
  cluster: { namespace?: string; name: string },
): (CnpgWalArchiverStats & { pod: string }) | undefined {
  const pod = podsOf(cluster.name);
  const latest = (s: CnpgWalArchiverStats) => [s.lastArchivedAt ?? '', s.lastFailedAt ?? ''].sort().pop()!;
  const [chosen] = Object.entries(walArchiver ?? {})
    .map(([key, stats]) => {
      const slash = key.indexOf('/');
      return { namespace: key.slice(0, slash), pod: key.slice(slash + 1), stats };
    })
    .filter(i => pod.test(i.pod) && (cluster.namespace === undefined || i.namespace === cluster.namespace))
    .sort((a, b) => latest(b.stats).localeCompare(latest(a.stats)) || a.pod.localeCompare(b.pod));
  return chosen && { pod: chosen.pod, ...chosen.stats };
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
  const pod = podsOf(cluster);
  const mine = Object.entries(lag ?? {}).filter(([name]) => pod.test(name));
  return mine.length ? Object.fromEntries(mine) : undefined;
}
