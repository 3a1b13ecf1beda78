import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterItems, KubeObject, ObjectKind, StateError } from '@internal/plugin-homelab-state-common';
import { CoalescingCache } from './CoalescingCache';
import type { ObjectSource } from '../sources/types';
import { StateReadError } from '../sources/types';

/** @public */
export interface CachedStateReaderOptions {
  /** How long a successful list is served from memory. */
  ttlMs: number;
  /** How long one list call may take before it counts as a timeout. */
  timeoutMs: number;
  /**
   * How long past its TTL a list is still served at once while it is
   * reloaded in the background (0: askers wait for the reload).
   */
  staleForMs?: number;
  /** Injected for tests. */
  now?: () => number;
  /** Gets one warning per failed list call (per cluster and kind, per TTL window). */
  logger?: LoggerService;
}

/**
 * The one reader every live-state view uses: one list call per kind per
 * cluster per TTL window however many requests ask, concurrent askers share
 * the call in flight, each call has a timeout, and a failing cluster keeps
 * its last known items and its own error without affecting the others.
 *
 * @public
 */
export class CachedStateReader {
  private readonly cache: CoalescingCache<ClusterItems<KubeObject>>;
  private readonly now: () => number;
  private calls = 0;

  constructor(
    private readonly source: ObjectSource,
    private readonly options: CachedStateReaderOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.cache = new CoalescingCache(options.ttlMs, this.now, options.staleForMs ?? 0);
  }

  /** Number of list calls made to the source so far (for benchmarks and tests). */
  get sourceCalls(): number {
    return this.calls;
  }

  async clusters(): Promise<string[]> {
    return this.source.clusters();
  }

  /** Lists a kind in every cluster. Never throws; errors are per cluster. */
  async list(kind: ObjectKind): Promise<ClusterItems<KubeObject>[]> {
    const clusters = await this.source.clusters();
    return Promise.all(clusters.map(cluster => this.listIn(cluster, kind)));
  }

  listIn(cluster: string, kind: ObjectKind): Promise<ClusterItems<KubeObject>> {
    return this.cache.get(`${cluster}\u0000${kind.id}`, previous => this.load(cluster, kind, previous));
  }

  private async load(
    cluster: string,
    kind: ObjectKind,
    previous: ClusterItems<KubeObject> | undefined,
  ): Promise<ClusterItems<KubeObject>> {
    this.calls++;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new StateReadError('timeout', cluster, kind, `Cluster ${cluster} did not answer the ${kind.plural}.${kind.group} list within ${this.options.timeoutMs} ms`),
        );
      }, this.options.timeoutMs);
    });
    try {
      const items = await Promise.race([this.source.list(cluster, kind, controller.signal), timeout]);
      return { cluster, items, fetchedAt: new Date(this.now()).toISOString() };
    } catch (e) {
      const error: StateError =
        e instanceof StateReadError
          ? e.error
          : { type: 'unknown', cluster, kind: kind.id, message: `Listing ${kind.plural}.${kind.group} in ${cluster} failed: ${(e as Error).message}` };
      this.options.logger
        ?.child({ cluster, kind: kind.id, errorType: error.type })
        .warn(`Could not list ${kind.plural}.${kind.group} in cluster ${cluster}: ${error.message}`, e as Error);
      // A kind that is not installed has no items; anything else keeps the last known ones.
      if (error.type === 'not-installed') return { cluster, items: [], error };
      return { cluster, items: previous?.items ?? [], fetchedAt: previous?.fetchedAt, error };
    } finally {
      clearTimeout(timer);
    }
  }
}
