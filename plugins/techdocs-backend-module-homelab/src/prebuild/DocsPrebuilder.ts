import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { StockAnnotations } from '@internal/plugin-homelab-common';
import { setTimeout as sleep } from 'node:timers/promises';

/** What one prebuild request (an event's refs, or a sweep) did. */
export interface PrebuildResult {
  checked: number;
  /** Refs whose docs TechDocs built (the prepared copy differed from the published one), sorted. */
  built: string[];
  failed: string[];
  /** Refs that never showed up in the catalog with docs while we waited, sorted. */
  skipped: string[];
}

type Outcome = 'built' | 'unchanged' | 'failed';

/** The last event of TechDocs' sync event stream: `finish` or `error`. */
export function readSyncOutcome(stream: string): { updated: boolean } | { error: string } {
  const events = stream
    .split(/\n\n/)
    .map(block => ({
      type: /^event: (.*)$/m.exec(block)?.[1],
      data: /^data: (.*)$/m.exec(block)?.[1],
    }))
    .filter(e => e.type === 'finish' || e.type === 'error');
  const last = events[events.length - 1];
  if (!last) return { error: 'the build ended without a result' };
  const data = last.data ? JSON.parse(last.data) : undefined;
  if (last.type === 'error') return { error: typeof data === 'string' ? data : JSON.stringify(data) };
  return { updated: Boolean(data?.updated) };
}

/** How the prebuilder paces itself; every field has a default. */
export interface DocsPrebuilderOptions {
  /** Builds running at once, across every request (default 2). */
  concurrency?: number;
  /**
   * How long to wait for the catalog to hold a changed entity with docs
   * (discovery publishes before the catalog has processed its entities), in
   * ms (default 10 minutes).
   */
  catalogWaitMs?: number;
  /** How often to look while waiting, in ms (default 5 s). */
  catalogPollMs?: number;
  /**
   * TechDocs checks an entity at most once a minute (its build metadata
   * storage answers "not updated" sooner), so a change arriving within this
   * many ms of our last sync of the entity waits until it is over
   * (default 61 s).
   */
  recheckAfterMs?: number;
}

interface Job {
  ref: string;
  entity: Entity;
  resolve: (outcome: Outcome) => void;
}

/**
 * Builds entities' docs in the background through TechDocs' own sync
 * endpoint (so its build lock, etag check and cache stay in charge), a few
 * at a time across all requests. Unchanged docs cost a prepare and an etag
 * comparison. Requests come from discovery's docs-changed events (exactly
 * the changed entities) and from the slow sweep (every entity with docs).
 */
export class DocsPrebuilder {
  private readonly queue: Job[] = [];
  /** Queued and not started: a second request for the ref shares the first. */
  private readonly waiting = new Map<string, Promise<Outcome>>();
  private readonly lastSynced = new Map<string, number>();
  private active = 0;
  private readonly options: Required<DocsPrebuilderOptions>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
    },
    options: DocsPrebuilderOptions = {},
  ) {
    this.options = {
      concurrency: Math.max(1, options.concurrency ?? 2),
      catalogWaitMs: options.catalogWaitMs ?? 10 * 60_000,
      catalogPollMs: options.catalogPollMs ?? 5_000,
      recheckAfterMs: options.recheckAfterMs ?? 61_000,
    };
  }

  /** The sweep: every entity of the catalog with docs. */
  async run(): Promise<PrebuildResult> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${StockAnnotations.techdocsRef}`]: CATALOG_FILTER_EXISTS },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return this.build(items.map(e => stringifyEntityRef(e)), 'sweep');
  }

  /**
   * Builds the docs of exactly these entities, once each, and logs a progress
   * line per entity. Waits for the catalog to hold them with docs first.
   *
   * @param reason - names the request in the log, e.g. `discovery of homelab-gitops`
   */
  async build(refs: string[], reason: string): Promise<PrebuildResult> {
    const { logger } = this.deps;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { ready, missing } = await this.waitForCatalog([...new Set(refs)].sort(), credentials);
    for (const ref of missing) {
      logger.warn(
        `TechDocs prebuild (${reason}): ${ref} has no docs in the catalog after ${Math.round(this.options.catalogWaitMs / 1000)} s; skipped`,
      );
    }
    const result: PrebuildResult = { checked: 0, built: [], failed: [], skipped: missing };
    await Promise.all(
      ready.map(async entity => {
        const ref = stringifyEntityRef(entity);
        const outcome = await this.enqueue(ref, entity);
        result.checked += 1;
        if (outcome === 'built') result.built.push(ref);
        if (outcome === 'failed') result.failed.push(ref);
        logger.info(
          `TechDocs prebuild (${reason}): ${result.checked}/${ready.length} checked, ${result.built.length} built, ${result.failed.length} failed; ${ref} ${outcome}`,
        );
      }),
    );
    result.built.sort();
    result.failed.sort();
    return result;
  }

  /** The entities of `refs` the catalog holds with docs, after waiting up to catalogWaitMs for the others. */
  private async waitForCatalog(refs: string[], credentials: BackstageCredentials) {
    const deadline = Date.now() + this.options.catalogWaitMs;
    for (;;) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'] },
        { credentials },
      );
      const ready = items.filter((e): e is Entity => Boolean(e?.metadata.annotations?.[StockAnnotations.techdocsRef]));
      if (ready.length === refs.length || Date.now() >= deadline) {
        const found = new Set(ready.map(e => stringifyEntityRef(e)));
        return { ready, missing: refs.filter(r => !found.has(r)) };
      }
      await sleep(this.options.catalogPollMs);
    }
  }

  private enqueue(ref: string, entity: Entity): Promise<Outcome> {
    const queued = this.waiting.get(ref);
    if (queued) return queued;
    const outcome = new Promise<Outcome>(resolve => this.queue.push({ ref, entity, resolve }));
    this.waiting.set(ref, outcome);
    this.pump();
    return outcome;
  }

  private pump() {
    while (this.active < this.options.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      // Started: a change seen from now on needs a sync of its own.
      this.waiting.delete(job.ref);
      this.active += 1;
      this.sync(job.ref, job.entity).then(outcome => {
        this.active -= 1;
        job.resolve(outcome);
        this.pump();
      });
    }
  }

  private async sync(ref: string, entity: Entity): Promise<Outcome> {
    const { auth, discovery, logger } = this.deps;
    const since = Date.now() - (this.lastSynced.get(ref) ?? -Infinity);
    if (since < this.options.recheckAfterMs) await sleep(this.options.recheckAfterMs - since);
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const { token } = await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'techdocs' });
      const baseUrl = await discovery.getBaseUrl('techdocs');
      const response = await fetch(
        `${baseUrl}/sync/${encodeURIComponent(entity.metadata.namespace ?? 'default')}/${encodeURIComponent(entity.kind)}/${encodeURIComponent(entity.metadata.name)}`,
        { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } },
      );
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const outcome = readSyncOutcome(await response.text());
      if ('error' in outcome) throw new Error(outcome.error);
      return outcome.updated ? 'built' : 'unchanged';
    } catch (e) {
      logger.warn(`TechDocs prebuild of ${ref} failed`, e as Error);
      return 'failed';
    } finally {
      this.lastSynced.set(ref, Date.now());
    }
  }
}
