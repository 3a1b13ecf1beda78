import type { ClusterItems, KubeObject, ObjectKind, StateError } from '@internal/plugin-homelab-state-common';
import type { ObjectSource } from '../sources/types';
import { StateReadError } from '../sources/types';

/** @public */
export interface CachedStateReaderOptions {
  /** How long a successful list is served from memory. */
  ttlMs: number;
  /** How long one list call may take before it counts as a timeout. */
  timeoutMs: number;
  /** Injected for tests. */
  now?: () => number;
}

interface Entry {
  items?: KubeObject[];
  fetchedAt?: number;
  error?: StateError;
  /** When this entry (success or failure) was decided; errors are retried after ttl too. */
  decidedAt: number;
  inFlight?: Promise<void>;
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
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private calls = 0;

  constructor(
    private readonly source: ObjectSource,
    private readonly options: CachedStateReaderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Number of list calls made to the source so far (for benchmarks and tests). */
  get sourceCalls(): number {
    return this.calls;
  }

  clusters(): string[] {
    return this.source.clusters();
  }

  /** Lists a kind in every cluster. Never throws; errors are per cluster. */
  async list(kind: ObjectKind): Promise<ClusterItems<KubeObject>[]> {
    return Promise.all(this.source.clusters().map(cluster => this.listIn(cluster, kind)));
  }

  async listIn(cluster: string, kind: ObjectKind): Promise<ClusterItems<KubeObject>> {
    const key = `${cluster}\u0000${kind.id}`;
    let entry = this.entries.get(key);
    const fresh = entry && !entry.inFlight && this.now() - entry.decidedAt < this.options.ttlMs;
    if (!fresh) {
      if (!entry) {
        entry = { decidedAt: 0 };
        this.entries.set(key, entry);
      }
      if (!entry.inFlight) entry.inFlight = this.refresh(entry, cluster, kind);
      await entry.inFlight;
    }
    return {
      cluster,
      items: entry!.items ?? [],
      fetchedAt: entry!.fetchedAt ? new Date(entry!.fetchedAt).toISOString() : undefined,
      error: entry!.error,
    };
  }

  private async refresh(entry: Entry, cluster: string, kind: ObjectKind): Promise<void> {
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
      entry.items = items;
      entry.fetchedAt = this.now();
      entry.error = undefined;
    } catch (e) {
      entry.error =
        e instanceof StateReadError
          ? e.error
          : { type: 'unknown', cluster, kind: kind.id, message: `Listing ${kind.plural}.${kind.group} in ${cluster} failed: ${(e as Error).message}` };
      // A kind that is not installed has no items; anything else keeps the last known ones.
      if (entry.error.type === 'not-installed') entry.items = [];
    } finally {
      clearTimeout(timer);
      entry.decidedAt = this.now();
      entry.inFlight = undefined;
    }
  }
}
