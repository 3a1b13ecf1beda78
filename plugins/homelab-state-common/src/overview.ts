import type { ObjectEnrichment } from './prometheus';
import type { ArgoApplicationSummary, ArgoOverview } from './argo';
import { deriveArgoApplication, summarizeArgo } from './argo';
import type { CephCapacityThresholds, CephClusterSummary, CephPoolSummary } from './ceph';
import { deriveCephCluster, deriveCephPool } from './ceph';
import type { CnpgClusterSummary } from './cnpg';
import { deriveCnpgCluster } from './cnpg';
import type { ClusterItems, StateError } from './errors';
import type { StateKindKey } from './kinds';
import type { KubeObject } from './objects';
import type { PlatformPrometheusEnrichment } from './prometheus';
import { bySeverity } from './objects';
import type { RayClusterSummary, RayJobSummary, RayServiceSummary } from './ray';
import { deriveRayCluster, deriveRayJob, deriveRayService } from './ray';

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

function each<T>(lists: ClusterItems<KubeObject>[], derive: (o: KubeObject, cluster: string) => T): InCluster<T>[] {
  return lists.flatMap(l => l.items.map(o => ({ ...derive(o, l.cluster), cluster: l.cluster })));
}

/**
 * Derives the whole overview from what was read, cluster by cluster.
 *
 * @public
 */
export function buildPlatformOverview(lists: StateLists, options: OverviewOptions): PlatformOverview {
  const itemsOf = (key: StateKindKey, cluster: string) => lists[key].find(l => l.cluster === cluster)?.items ?? [];
  const all = Object.values(lists).flat();
  const argoApps = each(lists.argoApplication, o => deriveArgoApplication(o)).sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  const fetched = all.filter(l => l.error && l.fetchedAt).map(l => l.fetchedAt!);
  return {
    generatedAt: options.now.toISOString(),
    clusters: [...new Set(all.map(l => l.cluster))].sort(),
    ceph: {
      clusters: each(lists.cephCluster, o => deriveCephCluster(o, options.cephThresholds)),
      pools: [
        ...each(lists.cephBlockPool, o => deriveCephPool({ kind: 'CephBlockPool', ...o })),
        ...each(lists.cephFilesystem, o => deriveCephPool({ kind: 'CephFilesystem', ...o })),
        ...each(lists.cephObjectStore, o => deriveCephPool({ kind: 'CephObjectStore', ...o })),
      ],
    },
    cnpg: each(lists.cnpgCluster, (o, cluster) =>
      deriveCnpgCluster(
        o,
        {
          backups: itemsOf('cnpgBackup', cluster),
          scheduledBackups: itemsOf('cnpgScheduledBackup', cluster),
          poolers: itemsOf('cnpgPooler', cluster),
        },
        { now: options.now, staleBackupHours: options.staleBackupHours },
      ),
    ).sort((a, b) => bySeverity(a, b) || a.name.localeCompare(b.name)),
    ray: {
      clusters: each(lists.rayCluster, o => deriveRayCluster(o)),
      services: each(lists.rayService, o => deriveRayService(o)),
      jobs: each(lists.rayJob, o => deriveRayJob(o, options.now)),
    },
    argo: { ...summarizeArgo(argoApps), applications: argoApps } as PlatformOverview['argo'],
    errors: all.filter(l => l.error).map(l => l.error!),
    oldestDataAt: fetched.sort()[0],
  };
}

/**
 * The state of one object as the backend serves it, with what could not be
 * read while looking for it.
 *
 * @public
 */
export interface ObjectState<T = unknown> {
  cluster?: string;
  summary?: T;
  /** When the items it was derived from were read. */
  fetchedAt?: string;
  /** The time the summary is judged at: now, or when recordings were taken. */
  observedAt: string;
  /** Errors of the kind's list calls; non-empty when a cluster could not answer. */
  errors: StateError[];
  /** Prometheus figures (ceph-cluster, cnpg-cluster), when Prometheus is configured. */
  enrichment?: ObjectEnrichment;
}
