import type {
  LoggerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { EntityProvider, EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { buildRepoModel, evaluateModelScorecard, readLocalRepo, readUrlRepo } from '@internal/plugin-homelab-gitops-node';
import type { RepoSnapshot } from '@internal/plugin-homelab-gitops-node';
import type { GitOpsSource } from './GitOpsSource';
import { modelToEntities } from './modelToEntities';

/** What one refresh did. */
export type RefreshResult =
  | { status: 'unchanged'; etag: string }
  | { status: 'updated'; etag: string; entities: number; problems: number };

/**
 * Catalogs one GitOps repo: reads it (local directory or URL), builds the
 * repo model once, and replaces this provider's entities with the result.
 * An unchanged tree (same etag: the UrlReader's, or a local directory's
 * fingerprint of paths, sizes and modification times) is neither read nor
 * parsed, and the catalog gets no mutation.
 *
 * @public
 */
export class GitOpsEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private etag?: string;

  constructor(
    private readonly source: GitOpsSource,
    private readonly deps: {
      reader: UrlReaderService;
      logger: LoggerService;
      taskRunner?: SchedulerServiceTaskRunner;
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
    this.etag = snapshot.etag;
    this.deps.logger.info(
      `GitOps repo ${this.describeSource()}: ${entities.length} entities from ${model.units.length} components and ${model.resources.length} resources`,
    );
    return { status: 'updated', etag: snapshot.etag, entities: entities.length, problems: model.problems.length };
  }
}
