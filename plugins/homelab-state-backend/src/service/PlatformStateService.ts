import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { InputError } from '@backstage/errors';
import type {
  ObjectState,
  ClusterItems,
  KubeObject,
  ObjectEnrichment,
  ObjectKindId,
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
  deriveKindSummary,
  derivePrometheusEnrichment,
  isObjectKindId,
  PROMETHEUS_QUERIES,
  replicationLagOf,
  walArchiverOf,
  deriveRayDashboard,
  STATE_KIND_HANDLERS,
  STATE_KINDS,
} from '@internal/plugin-homelab-state-common';
import type {
  CachedStateReader,
  PrometheusClient,
  RayDashboardClient,
  StateConfig,
} from '@internal/plugin-homelab-state-node';

const gzipAsync = promisify(gzip);

/**
 * The overview serialised once, with its entity tag. Rebuilt only when one
 * of the lists (or the Prometheus answers) it was derived from changed.
 *
 * @public
 */
export interface SerializedOverview {
  body: Buffer;
  /** `body` gzipped once, so a poll that downloads it is not compressed again per request. */
  gzipped: Buffer;
  /**
   * Weak, because the same overview is sent as two representations (gzip
   * and identity) under one tag; If-None-Match compares weakly anyway.
   */
  etag: string;
  /** The inputs it was built from, compared by identity. */
  inputs: unknown[];
}

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

  private serialized?: SerializedOverview;
  private building?: Promise<SerializedOverview>;

  static objectKinds(): string[] {
    return Object.keys(STATE_KIND_HANDLERS);
  }

  private async lists(keys: StateKindKey[]): Promise<Partial<StateLists>> {
    const results = await Promise.all(keys.map(k => this.reader.list(STATE_KINDS[k])));
    return Object.fromEntries(keys.map((k, i) => [k, results[i]]));
  }

  /**
   * Derives the overview anew on every call. Kept as the baseline the
   * benchmark compares the serialised path with.
   */
  async overview(): Promise<PlatformOverview> {
    const [lists, prometheus] = await Promise.all([
      this.lists(Object.keys(STATE_KINDS) as StateKindKey[]) as Promise<StateLists>,
      this.enrichment(Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]),
    ]);
    const overview = buildPlatformOverview(lists, { now: this.now(), staleBackupHours: this.config.staleBackupHours });
    return prometheus ? { ...overview, prometheus } : overview;
  }

  /**
   * The overview as bytes and an ETag. The reader hands out the same list
   * objects until a TTL window reloads them, and the Prometheus client the
   * same answers: while every input is identical, the previous bytes are
   * served without deriving or serialising again. Concurrent callers share
   * one rebuild.
   */
  async serializedOverview(): Promise<SerializedOverview> {
    const keys = Object.keys(STATE_KINDS) as StateKindKey[];
    const [listsByKind, prometheusAnswer] = await Promise.all([
      Promise.all(keys.map(k => this.reader.list(STATE_KINDS[k]))),
      this.prometheus ? this.prometheus.queryAll(Object.keys(PROMETHEUS_QUERIES) as PrometheusQueryId[]) : undefined,
    ]);
    const inputs: unknown[] = [...listsByKind.flat(), ...Object.values(prometheusAnswer?.results ?? {}), prometheusAnswer?.error];
    const current = this.serialized;
    if (current && current.inputs.length === inputs.length && current.inputs.every((v, i) => v === inputs[i])) return current;
    if (!this.building) {
      this.building = (async () => {
        const lists = Object.fromEntries(keys.map((k, i) => [k, listsByKind[i]])) as StateLists;
        const overview = buildPlatformOverview(lists, { now: this.now(), staleBackupHours: this.config.staleBackupHours });
        const prometheus = prometheusAnswer && this.prometheusEnrichmentOf(prometheusAnswer);
        const body = Buffer.from(JSON.stringify(prometheus ? { ...overview, prometheus } : overview));
        const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
        // Off the event loop (zlib's thread pool): polls keep being answered while it runs.
        const gzipped = await gzipAsync(body);
        this.serialized = { body, gzipped, etag, inputs };
        return this.serialized;
      })().finally(() => {
        this.building = undefined;
      });
    }
    return this.building;
  }

  private prometheusEnrichmentOf(answer: { results: any; error?: string }): PlatformPrometheusEnrichment {
    const derived = derivePrometheusEnrichment(answer.results);
    return answer.error ? { ...derived, error: answer.error } : derived;
  }

  /** Prometheus figures for the given queries; undefined when Prometheus is not configured. Never throws. */
  private async enrichment(ids: PrometheusQueryId[]): Promise<PlatformPrometheusEnrichment | undefined> {
    if (!this.prometheus) return undefined;
    try {
      return this.prometheusEnrichmentOf(await this.prometheus.queryAll(ids));
    } catch (e) {
      return { error: `Prometheus at ${this.prometheus.url} could not be read: ${(e as Error).message}` };
    }
  }

  private async objectEnrichment(kind: ObjectKindId, namespace: string, name: string): Promise<ObjectEnrichment | undefined> {
    const which = STATE_KIND_HANDLERS[kind].enrichment;
    if (which === 'prometheus-ceph') {
      const e = await this.enrichment(CEPH_PROMETHEUS_QUERIES);
      return e && { ceph: e.ceph, error: e.error };
    }
    if (which === 'prometheus-cnpg') {
      const e = await this.enrichment(CNPG_PROMETHEUS_QUERIES);
      const walArchiver = walArchiverOf(e?.cnpg?.walArchiver, { namespace: namespace === '-' ? undefined : namespace, name });
      return e && { replicationLagSeconds: replicationLagOf(e.cnpg?.replicationLagSeconds, name), walArchiver, error: e.error };
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
    kind: ObjectKindId,
    obj: KubeObject,
    rayClusters: KubeObject[],
  ): Promise<ObjectEnrichment | undefined> {
    const which = STATE_KIND_HANDLERS[kind].enrichment;
    if (!this.rayDashboard || (which !== 'ray-dashboard-jobs' && which !== 'ray-dashboard-serve')) return undefined;
    const who = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    try {
      if (which === 'ray-dashboard-jobs') {
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
    if (!isObjectKindId(kindId)) {
      throw new InputError(`Unknown kind "${kindId}"; use one of ${PlatformStateService.objectKinds().join(', ')}`);
    }
    const handler = STATE_KIND_HANDLERS[kindId];
    const key = handler.key;
    // Asked alongside the lists: it is cached, and never throws.
    const enrichmentAsked = this.objectEnrichment(kindId, namespace, name);
    const lists = await this.lists([key, ...handler.related]);
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
      const itemsOf = (k: StateKindKey) => lists[k]?.find(l => l.cluster === list.cluster)?.items ?? [];
      const enrichment = (await enrichmentAsked) ?? (await this.rayEnrichment(kindId, obj, itemsOf('rayCluster')));
      const derived = deriveKindSummary(kindId, obj, { now: this.now(), staleBackupHours: this.config.staleBackupHours, itemsOf });
      return {
        ...derived,
        cluster: list.cluster,
        fetchedAt: list.fetchedAt,
        observedAt: this.now().toISOString(),
        errors,
        ...(enrichment ? { enrichment } : {}),
      };
    }
    return { errors, observedAt: this.now().toISOString() };
  }
}
