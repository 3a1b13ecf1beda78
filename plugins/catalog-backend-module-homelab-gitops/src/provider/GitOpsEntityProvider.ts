import type {
  LoggerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { EventsService } from '@backstage/plugin-events-node';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  DOCS_CHANGED_TOPIC,
  HomelabAnnotations,
  StockAnnotations,
  type DocsChangedEvent,
} from '@internal/plugin-homelab-common';
import {
  buildRepoModel,
  evaluateModelScorecard,
  fingerprintDocs,
  readLocalRepo,
  readUrlRepo,
} from '@internal/plugin-homelab-gitops-node';
import type { RepoFile, RepoSnapshot } from '@internal/plugin-homelab-gitops-node';
import type { GitOpsSource } from './GitOpsSource';
import { modelToEntities } from './modelToEntities';

/** What one refresh did. */
export type RefreshResult =
  | { status: 'unchanged'; etag: string }
  | {
      status: 'updated';
      etag: string;
      entities: number;
      problems: number;
      /** Refs of the entities whose docs changed since the previous run (all on the first), sorted. */
      docsChanged: string[];
    };

/** The docs fingerprint of every entity that has docs, by entity ref. */
function docsFingerprintsOf(entities: Entity[], files: RepoFile[]): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const entity of entities) {
    const dir = entity.metadata.annotations?.[HomelabAnnotations.gitopsPath];
    if (entity.metadata.annotations?.[StockAnnotations.techdocsRef] && dir !== undefined) {
      dirs.set(stringifyEntityRef(entity), dir);
    }
  }
  const byDir = fingerprintDocs(files, [...new Set(dirs.values())]);
  const result = new Map<string, string>();
  for (const [ref, dir] of dirs) {
    const fingerprint = byDir.get(dir);
    if (fingerprint) result.set(ref, fingerprint);
  }
  return result;
}

/**
 * Catalogs one GitOps repo: reads it (local directory or URL), builds the
 * repo model once, and replaces this provider's entities with the result.
 * An unchanged tree (same etag: the UrlReader's, or a local directory's
 * fingerprint of paths, sizes and modification times) is neither read nor
 * parsed, and the catalog gets no mutation.
 *
 * After each run that changed the catalog, it publishes the refs of the
 * entities whose docs changed (by a fingerprint of their docs files, compared
 * with the previous run; every entity with docs on the first run after
 * start) on the `homelab.gitops.docs-changed` topic, so TechDocs builds
 * exactly those in the background.
 *
 * @public
 */
export class GitOpsEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private etag?: string;
  /** Docs fingerprints by entity ref as of the last published run; none before the first. */
  private docsFingerprints = new Map<string, string>();

  constructor(
    private readonly source: GitOpsSource,
    private readonly deps: {
      reader: UrlReaderService;
      logger: LoggerService;
      taskRunner?: SchedulerServiceTaskRunner;
      /** Where docs changes are published; without it, nothing is. */
      events?: EventsService;
    },
  ) {}

  getProviderName(): string {
    return `homelab-gitops:${this.source.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.deps.taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (e) {
          // Keep the last good entities; the next run tries again.
          this.deps.logger.error(`GitOps discovery of ${this.describeSource()} failed`, e as Error);
        }
      },
    });
  }

  private describeSource() {
    return `${this.source.id} (${this.source.path ?? this.source.url})`;
  }

  async refresh(): Promise<RefreshResult> {
    if (!this.connection) throw new Error(`${this.getProviderName()} is not connected to the catalog yet`);
    const limits = { maxFileSizeBytes: this.source.maxFileSizeBytes };
    const snapshot: RepoSnapshot | undefined = this.source.path
      ? await readLocalRepo(this.source.path, { ...limits, etag: this.etag })
      : await readUrlRepo(this.deps.reader, this.source.url!, this.etag, limits);
    if (!snapshot || snapshot.etag === this.etag) {
      this.deps.logger.debug(`GitOps repo ${this.describeSource()} unchanged; nothing to do`);
      return { status: 'unchanged', etag: this.etag! };
    }
    const model = buildRepoModel(snapshot, this.source.layout);
    for (const p of model.problems) {
      this.deps.logger.warn(`GitOps repo ${this.source.id}: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    }
    const entities = modelToEntities(model, this.source, evaluateModelScorecard(model, this.source.rules));
    // Marks the start of the write (one transaction): a run that logged this
    // and not the line below was cut short and changed nothing.
    this.deps.logger.debug(`GitOps repo ${this.describeSource()} changed: writing ${entities.length} entities`);
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: this.getProviderName() })),
    });
    const docsChanged = await this.publishDocsChanges(entities, snapshot.files);
    this.etag = snapshot.etag;
    this.deps.logger.info(
      `GitOps repo ${this.describeSource()}: ${entities.length} entities from ${model.units.length} components and ${model.resources.length} resources`,
    );
    return { status: 'updated', etag: snapshot.etag, entities: entities.length, problems: model.problems.length, docsChanged };
  }

  /**
   * Publishes the entities whose docs changed since the last run. A failed
   * publish fails the refresh before the etag is kept, so the next run
   * applies the same tree again and publishes again.
   */
  private async publishDocsChanges(entities: Entity[], files: RepoFile[]): Promise<string[]> {
    const fingerprints = docsFingerprintsOf(entities, files);
    const changed = [...fingerprints]
      .filter(([ref, fingerprint]) => this.docsFingerprints.get(ref) !== fingerprint)
      .map(([ref]) => ref)
      .sort();
    if (changed.length > 0 && this.deps.events) {
      const eventPayload: DocsChangedEvent = { sourceId: this.source.id, entityRefs: changed };
      await this.deps.events.publish({ topic: DOCS_CHANGED_TOPIC, eventPayload });
      this.deps.logger.info(`GitOps repo ${this.source.id}: docs of ${changed.length} entities changed: ${changed.join(', ')}`);
    }
    this.docsFingerprints = fingerprints;
    return changed;
  }
}
