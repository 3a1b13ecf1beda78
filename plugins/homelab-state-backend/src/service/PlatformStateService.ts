import type {
  ObjectState,
  ClusterItems,
  KubeObject,
  ObjectEnrichment,
  PlatformOverview,
  PlatformPrometheusEnrichment,
  PrometheusQueryId,
  StateKindKey,
  StateLists,
} from '@internal/plugin-homelab-state-common';
import {
  buildPlatformOverview,
  CEPH_PROMETHEUS_QUERIES,
  CNPG_PROMETHEUS_QUERIES,
  derivePrometheusEnrichment,
  PROMETHEUS_QUERIES,
  replicationLagOf,
  deriveArgoApplication,
  deriveCephCluster,
  deriveCephPool,
  deriveCnpgCluster,
  deriveRayCluster,
  deriveRayDashboard,
  deriveRayJob,
  deriveRayService,
  STATE_KINDS,
} from '@internal/plugin-homelab-state-common';
import type {
  CachedStateReader,
  PrometheusClient,
  RayDashboardClient,
  StateConfig,
} from '@internal/plugin-homelab-state-node';

/** Object kinds an entity can ask about, by the ids in URLs. */
const OBJECT_KINDS: Record<string, StateKindKey> = {
  'ceph-cluster': 'cephCluster',
  'ceph-block-pool': 'cephBlockPool',
  'ceph-filesystem': 'cephFilesystem',
  'ceph-object-store': 'cephObjectStore',
  'cnpg-cluster': 'cnpgCluster',
  'ray-cluster': 'rayCluster',
  'ray-service': 'rayService',
  'ray-job': 'rayJob',
  'argo-application': 'argoApplication',
};

/**
 * Everything the routes serve, derived from the one reader.
 *
 * @public
 */
export class PlatformStateService {
  constructor(
    private readonly reader: CachedStateReader,
    private readonly config: Pick<StateConfig, 'staleBackupHours'>,
    private readonly now: () => Date = () => new Date(),
    private readonly prometheus?: PrometheusClient,
    private readonly rayDashboard?: RayDashboardClient,
  ) {}

  static objectKinds(): string[] {
    return Object.keys(OBJECT_KINDS);
  }

  private async lists(keys: StateKindKey[]): Promise<Partial<StateLists>> {
    const results = await Promise.all(keys.map(k => this.reader.list(STATE_KINDS[k])));
    return Object.fromEntries(keys.map((k, i) => [k, results[i]]));
  }

  async overview(): Promise<PlatformOverview> {
    const [lists, prometheus] = await Promise.all([
      this.lists(Object.keys(STATE_KINDS) as StateKindKey[]) as Promise<StateLists>,
      this.enrichment(Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]),
    ]);
    const overview = buildPlatformOverview(lists, { now: this.now(), staleBackupHours: this.config.staleBackupHours });
    return prometheus ? { ...overview, prometheus } : overview;
  }

  /** Prometheus figures for the given queries; undefined when Prometheus is not configured. Never throws. */
  private async enrichment(ids: PrometheusQueryId[]): Promise<PlatformPrometheusEnrichment | undefined> {
    if (!this.prometheus) return undefined;
    try {
      const { results, error } = await this.prometheus.queryAll(ids);
      const derived = derivePrometheusEnrichment(results);
      return error ? { ...derived, error } : derived;
    } catch (e) {
      return { error: `Prometheus at ${this.prometheus.url} could not be read: ${(e as Error).message}` };
    }
  }

  private async objectEnrichment(key: StateKindKey, name: string): Promise<ObjectEnrichment | undefined> {
    if (key === 'cephCluster') {
      const e = await this.enrichment(CEPH_PROMETHEUS_QUERIES);
      return e && { ceph: e.ceph, error: e.error };
    }
    if (key === 'cnpgCluster') {
      const e = await this.enrichment(CNPG_PROMETHEUS_QUERIES);
      return e && { replicationLagSeconds: replicationLagOf(e.cnpg?.replicationLagSeconds, name), error: e.error };
    }
    return undefined;
  }

  /**
   * What the Ray dashboard says about a RayCluster (its jobs) or a
   * RayService (the Serve applications of its active RayCluster, found among
   * `rayClusters` of the same cluster); undefined when the enrichment is off.
   * The dashboard's address comes from the RayCluster's status only. Never throws.
   */
  private async rayEnrichment(
    key: StateKindKey,
    obj: KubeObject,
    rayClusters: KubeObject[],
  ): Promise<ObjectEnrichment | undefined> {
    if (!this.rayDashboard || (key !== 'rayCluster' && key !== 'rayService')) return undefined;
    const who = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    try {
      if (key === 'rayCluster') {
        const { value, error } = await this.rayDashboard.jobs(obj);
        return value ? { rayDashboard: deriveRayDashboard({ jobs: value }, this.now()) } : { error };
      }
      const active: unknown = obj.status?.activeServiceStatus?.rayClusterName;
      if (!active) return { error: `RayService ${who} names no active RayCluster, so its Ray dashboard was not asked` };
      const cluster = rayClusters.find(
        c => c.metadata.name === active && (c.metadata.namespace ?? '') === (obj.metadata.namespace ?? ''),
      );
      if (!cluster) {
        return { error: `The active RayCluster ${active} of RayService ${who} was not found, so its Ray dashboard was not asked` };
      }
      const { value, error } = await this.rayDashboard.serveApplications(cluster);
      return value ? { rayDashboard: deriveRayDashboard({ serve: value }) } : { error };
    } catch (e) {
      return { error: `The Ray dashboard of ${who} could not be read: ${(e as Error).message}` };
    }
  }

  /**
   * The state of one object by kind id, namespace (`-` for any) and name,
   * searched in every cluster, or in `cluster` when given.
   */
  async object(kindId: string, namespace: string, name: string, cluster?: string): Promise<ObjectState> {
    const key = OBJECT_KINDS[kindId];
    if (!key) throw new Error(`Unknown kind ${kindId}; known: ${Object.keys(OBJECT_KINDS).join(', ')}`);
    const related: StateKindKey[] = key === 'cnpgCluster' ? ['cnpgBackup', 'cnpgScheduledBackup', 'cnpgPooler'] : [];
    // A RayService's dashboard is its active RayCluster's.
    if (key === 'rayService' && this.rayDashboard) related.push('rayCluster');
    // Asked alongside the lists: it is cached, and never throws.
    const enrichmentAsked = this.objectEnrichment(key, name);
    const lists = await this.lists([key, ...related]);
    const candidates = (lists[key] ?? []).filter(l => !cluster || l.cluster === cluster);
    const errors = Object.values(lists)
      .flat()
      .filter((l): l is ClusterItems<KubeObject> => !!l?.error && (!cluster || l.cluster === cluster))
      .map(l => l.error!);
    for (const list of candidates) {
      const obj = list.items.find(
        o => o.metadata.name === name && (namespace === '-' || (o.metadata.namespace ?? '') === namespace),
      );
      if (!obj) continue;
      const itemsIn = (k: StateKindKey) => lists[k]?.find(l => l.cluster === list.cluster)?.items ?? [];
      const enrichment = (await enrichmentAsked) ?? (await this.rayEnrichment(key, obj, itemsIn('rayCluster')));
      return {
        cluster: list.cluster,
        summary: this.derive(key, obj, itemsIn),
        fetchedAt: list.fetchedAt,
        observedAt: this.now().toISOString(),
        errors,
        ...(enrichment ? { enrichment } : {}),
      };
    }
    return { errors, observedAt: this.now().toISOString() };
  }

  private derive(key: StateKindKey, obj: KubeObject, itemsIn: (k: StateKindKey) => KubeObject[]): unknown {
    const now = this.now();
    switch (key) {
      case 'cephCluster':
        return deriveCephCluster(obj);
      case 'cephBlockPool':
      case 'cephFilesystem':
      case 'cephObjectStore':
        return deriveCephPool({ kind: STATE_KINDS[key].kind, ...obj });
      case 'cnpgCluster':
        return deriveCnpgCluster(
          obj,
          { backups: itemsIn('cnpgBackup'), scheduledBackups: itemsIn('cnpgScheduledBackup'), poolers: itemsIn('cnpgPooler') },
          { now, staleBackupHours: this.config.staleBackupHours },
        );
      case 'rayCluster':
        return deriveRayCluster(obj);
      case 'rayService':
        return deriveRayService(obj);
      case 'rayJob':
        return deriveRayJob(obj, now);
      case 'argoApplication':
        return deriveArgoApplication(obj);
      default:
        return obj.status;
    }
  }
}
