/**
 * Keeps one settled value per key for a TTL. However many ask for a key, one
 * load runs per TTL window, and those who ask while it runs share it. The
 * load gets the previous value (to keep last-known data on failure) and must
 * not throw: failures are values too, cached like successes so a failing
 * cluster or Prometheus is not hammered. A load that throws anyway is not
 * cached: every waiter gets its error and the next ask loads again.
 *
 * @public
 */
export class CoalescingCache<T> {
  private readonly entries = new Map<string, { value?: T; decidedAt: number; inFlight?: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: (previous: T | undefined) => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { decidedAt: 0 };
      this.entries.set(key, entry);
    }
    if (entry.inFlight) return entry.inFlight;
    if (entry.value !== undefined && this.now() - entry.decidedAt < this.ttlMs) return entry.value;
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
