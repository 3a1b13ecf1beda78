import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { StockAnnotations } from '@internal/plugin-homelab-common';

/** What one prebuild pass did. */
export interface PrebuildResult {
  checked: number;
  built: string[];
  failed: string[];
}

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

/**
 * Builds every entity's docs in the background through TechDocs' own sync
 * endpoint (so its build lock, etag check and cache stay in charge), a few
 * at a time. Unchanged docs cost a prepare and an etag comparison.
 */
export class DocsPrebuilder {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      concurrency: number;
    },
  ) {}

  async run(): Promise<PrebuildResult> {
    const { catalog, auth, discovery, logger } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: { [`metadata.annotations.${StockAnnotations.techdocsRef}`]: { exists: true } as never },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'],
      },
      { credentials },
    );
    const entities = items.filter((e: Entity) => e.metadata.annotations?.[StockAnnotations.techdocsRef]);
    const baseUrl = await discovery.getBaseUrl('techdocs');
    const result: PrebuildResult = { checked: 0, built: [], failed: [] };
    const queue = [...entities];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        const ref = stringifyEntityRef(entity);
        try {
          const { token } = await auth.getPluginRequestToken({ onBehalfOf: credentials, targetPluginId: 'techdocs' });
          const response = await fetch(
            `${baseUrl}/sync/${encodeURIComponent(entity.metadata.namespace ?? 'default')}/${encodeURIComponent(entity.kind)}/${encodeURIComponent(entity.metadata.name)}`,
            { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' } },
          );
          if (!response.ok) throw await ResponseError.fromResponse(response);
          const outcome = readSyncOutcome(await response.text());
          if ('error' in outcome) throw new Error(outcome.error);
          if (outcome.updated) result.built.push(ref);
        } catch (e) {
          result.failed.push(ref);
          logger.warn(`TechDocs prebuild of ${ref} failed`, e as Error);
        }
        result.checked += 1;
        logger.info(
          `TechDocs prebuild: ${result.checked}/${entities.length} checked, ${result.built.length} built, ${result.failed.length} failed`,
        );
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.deps.concurrency) }, worker));
    return result;
  }
}
