/**
 * Keeps one settled value per key for a TTL. However many ask for a key, one
 * load runs per TTL window, and those who ask while it runs share it. The
 * load gets the previous value (to keep last-known data on failure) and must
 * not throw: failures are values too, cached like successes so a failing
 * cluster or Prometheus is not hammered. A load that throws anyway is not
 * cached: every waiter gets its error and the next ask loads again.
 *
 * With `staleForMs`, a value past its TTL but younger than TTL + staleForMs
 * is returned at once while one load refreshes it in the background (HTTP's
 * stale-while-revalidate): at a TTL boundary nobody waits for the cluster's
 * round trip. Older values are waited for, as without it.
 *
 * @public
 */
export class CoalescingCache<T> {
  private readonly entries = new Map<string, { value?: T; decidedAt: number; inFlight?: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly staleForMs = 0,
  ) {}

  async get(key: string, load: (previous: T | undefined) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { decidedAt: 0 };
      this.entries.set(key, entry);
    }
    const age = this.now() - entry.decidedAt;
    const servable = entry.value !== undefined && age < this.ttlMs + this.staleForMs;
    if (entry.inFlight) return servable ? entry.value! : entry.inFlight;
    if (entry.value !== undefined && age < this.ttlMs) return entry.value;
    const refreshing = this.start(entry, load);
    if (servable) {
      // A refresh that throws leaves the stale value; the next asker starts another.
      refreshing.catch(() => undefined);
      return entry.value!;
    }
    return refreshing;
  }

  private start(entry: { value?: T; decidedAt: number; inFlight?: Promise<T> }, load: (previous: T | undefined) => Promise<T>): Promise<T> {
    const current = entry;
    current.inFlight = load(current.value).then(
      value => {
        current.value = value;
        current.decidedAt = this.now();
        current.inFlight = undefined;
        return value;
      },
      error => {
        current.inFlight = undefined;
        throw error;
      },
    );
    return current.inFlight;
  }

  /** The settled value of a key, without loading. */
  peek(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }
}
