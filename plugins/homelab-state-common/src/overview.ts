import type { ObjectEnrichment } from './prometheus';
import type { ArgoApplicationSummary, ArgoOverview } from './argo';
import { summarizeArgo } from './argo';
import type { CephCapacityThresholds, CephClusterSummary, CephPoolSummary } from './ceph';
import type { CnpgClusterSummary } from './cnpg';
import type { ClusterItems, StateError } from './errors';
import type { StateKindKey } from './kinds';
import type { KubeObject } from './objects';
import type { PlatformPrometheusEnrichment } from './prometheus';
import { bySeverity } from './objects';
import type { RayClusterSummary, RayJobSummary, RayServiceSummary } from './ray';
import type { DeriveContext, ObjectKindId, SummaryByKind } from './stateKindHandlers';
import { STATE_KIND_HANDLERS } from './stateKindHandlers';
import type { KindSummary } from './stateKindHandlers';

/**
 * A summary and the cluster it came from.
 *
 * @public
 */
export type InCluster<T> = T & { cluster: string };

/**
 * Everything the platform overview shows.
 *
 * @public
 */
export interface PlatformOverview {
  generatedAt: string;
  clusters: string[];
  ceph: { clusters: InCluster<CephClusterSummary>[]; pools: InCluster<CephPoolSummary>[] };
  cnpg: InCluster<CnpgClusterSummary>[];
  ray: {
    clusters: InCluster<RayClusterSummary>[];
    services: InCluster<RayServiceSummary>[];
    jobs: InCluster<RayJobSummary>[];
  };
  argo: ArgoOverview & { applications: InCluster<ArgoApplicationSummary>[] };
  /** What could not be read, per cluster and kind. */
  errors: StateError[];
  /** The configured staleness threshold of Postgres backups, for charts and captions. */
  staleBackupHours: number;
  /** Oldest read time of what is shown, when some of it is last-known data. */
  oldestDataAt?: string;
  /**
   * Figures from Prometheus, when `homelab.state.prometheus.url` is set.
   * Filled by the backend service, not by buildPlatformOverview.
   */
  prometheus?: PlatformPrometheusEnrichment;
}

/** @public */
export type StateLists = Record<StateKindKey, ClusterItems<KubeObject>[]>;

/** @public */
export interface OverviewOptions {
  now: Date;
  staleBackupHours?: number;
  cephThresholds?: CephCapacityThresholds;
}

/**
 * Derives every object of a kind, cluster by cluster, through the handler
 * table; related kinds are looked up in the same cluster.
 */
function each<K extends ObjectKindId>(lists: StateLists, kind: K, options: OverviewOptions): InCluster<SummaryByKind[K]>[] {
  const handler = STATE_KIND_HANDLERS[kind];
  return lists[handler.key].flatMap(l => {
    const ctx: DeriveContext = {
      now: options.now,
      staleBackupHours: options.staleBackupHours,
      cephThresholds: options.cephThresholds,
      itemsOf: key => lists[key].find(r => r.cluster === l.cluster)?.items ?? [],
    };
    return l.items.map(o => ({ ...(handler.derive(o, ctx) as SummaryByKind[K]), cluster: l.cluster }));
  });
}

/**
 * Default staleness threshold of a Postgres backup, in hours (a daily backup plus slack).
 *
 * @public
 */
export const DEFAULT_STALE_BACKUP_HOURS = 26;

/**
 * Derives the whole overview from what was read, cluster by cluster.
 *
 * @public
 */
export function buildPlatformOverview(lists: StateLists, options: OverviewOptions): PlatformOverview {
  const all = Object.values(lists).flat();
  const argoApps = each(lists, 'argo-application', options).sort((a, b) => a.name.localeCompare(b.name));
  const fetched = all.filter(l => l.error && l.fetchedAt).map(l => l.fetchedAt!);
  return {
    generatedAt: options.now.toISOString(),
    clusters: [...new Set(all.map(l => l.cluster))].sort(),
    ceph: {
      clusters: each(lists, 'ceph-cluster', options),
      pools: [
        ...each(lists, 'ceph-block-pool', options),
        ...each(lists, 'ceph-filesystem', options),
        ...each(lists, 'ceph-object-store', options),
      ],
    },
    cnpg: each(lists, 'cnpg-cluster', options).sort((a, b) => bySeverity(a, b) || a.name.localeCompare(b.name)),
    ray: {
      clusters: each(lists, 'ray-cluster', options),
      services: each(lists, 'ray-service', options),
      jobs: each(lists, 'ray-job', options),
    },
    argo: { ...summarizeArgo(argoApps), applications: argoApps },
    errors: all.filter(l => l.error).map(l => l.error!),
    staleBackupHours: options.staleBackupHours ?? DEFAULT_STALE_BACKUP_HOURS,
    oldestDataAt: fetched.sort()[0],
  };
}

/**
 * The state of one object as the backend serves it, with what could not be
 * read while looking for it. `kind` and `summary` come together: switch on
 * `kind` to get the summary's type.
 *
 * @public
 */
export type ObjectState = (KindSummary | { kind?: undefined; summary?: undefined }) & {
  cluster?: string;
  /** When the items it was derived from were read. */
  fetchedAt?: string;
  /** The time the summary is judged at: now, or when recordings were taken. */
  observedAt: string;
  /** Errors of the kind's list calls; non-empty when a cluster could not answer. */
  errors: StateError[];
  /** Prometheus figures (ceph-cluster, cnpg-cluster) or Ray dashboard data, when configured. */
  enrichment?: ObjectEnrichment;
};
