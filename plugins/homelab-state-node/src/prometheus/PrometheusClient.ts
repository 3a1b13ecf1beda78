import type { PrometheusQueryId, PrometheusResults, PrometheusSample } from '@internal/plugin-homelab-state-common';
import { PROMETHEUS_QUERIES } from '@internal/plugin-homelab-state-common';
import { CoalescingCache } from '../reader/CoalescingCache';

/** @public */
export interface PrometheusClientOptions {
  /** Base URL of Prometheus, e.g. http://prometheus.monitoring.svc:9090. */
  url: string;
  /** How long an answer (or a failure) is served from memory. */
  ttlMs: number;
  /** How long one query may take. */
  timeoutMs: number;
  /** Injected for tests. */
  now?: () => number;
}

interface Answer {
  samples?: PrometheusSample[];
  error?: string;
}

/**
 * Instant queries against the Prometheus HTTP API, one HTTP call per query
 * per TTL window however many ask, concurrent askers sharing the call in
 * flight. Never throws: a failed query answers undefined and its error is
 * kept, as one sentence, for the caller to show.
 *
 * @public
 */
export class PrometheusClient {
  private readonly cache: CoalescingCache<Answer>;
  private readonly base: string;
  private calls = 0;

  constructor(private readonly options: PrometheusClientOptions) {
    this.cache = new CoalescingCache(options.ttlMs, options.now ?? Date.now);
    this.base = options.url.replace(/\/+$/, '');
  }

  get url(): string {
    return this.base;
  }

  /** HTTP calls made so far (for tests). */
  get httpCalls(): number {
    return this.calls;
  }

  /** The samples of an instant query, or undefined when it failed. */
  async query(promql: string): Promise<PrometheusSample[] | undefined> {
    return (await this.entry(promql)).samples;
  }

  /** Why the last call of this query failed, if it did. */
  errorOf(promql: string): string | undefined {
    return this.cache.peek(promql)?.error;
  }

  /**
   * Runs queries by id, in parallel. `error` is the first failure's sentence,
   * when any failed.
   */
  async queryAll(ids: readonly PrometheusQueryId[]): Promise<{ results: PrometheusResults; error?: string }> {
    const entries = await Promise.all(ids.map(id => this.entry(PROMETHEUS_QUERIES[id])));
    const results: PrometheusResults = {};
    ids.forEach((id, i) => {
      if (entries[i].samples) results[id] = entries[i].samples;
    });
    return { results, error: entries.find(e => e.error)?.error };
  }

  private entry(promql: string): Promise<Answer> {
    return this.cache.get(promql, () => this.ask(promql));
  }

  private async ask(promql: string): Promise<Answer> {
    this.calls++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const res = await fetch(`${this.base}/api/v1/query?query=${encodeURIComponent(promql)}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      let body: any;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (!res.ok || body?.status !== 'success') {
        const why = body?.error ? `: ${body.error}` : '';
        throw new Error(`Prometheus at ${this.base} answered HTTP ${res.status} to ${promql}${why}`);
      }
      const result = body.data?.result;
      if (body.data?.resultType !== 'vector' || !Array.isArray(result)) {
        throw new Error(`Prometheus at ${this.base} answered ${promql} with a ${body.data?.resultType} instead of a vector`);
      }
      return { samples: result };
    } catch (e) {
      const err = e as Error;
      if (controller.signal.aborted) {
        return { error: `Prometheus at ${this.base} did not answer within ${this.options.timeoutMs} ms` };
      }
      if (err.message.startsWith('Prometheus at ')) return { error: err.message };
      const cause = (err as { cause?: Error }).cause?.message;
      return { error: `Prometheus at ${this.base} is unreachable: ${cause ? `${err.message} (${cause})` : err.message}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
