import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  parseReferenceAnnotation,
  transformDirLocation,
  type PreparerBase,
  type PreparerOptions,
  type PreparerResponse,
} from '@backstage/plugin-techdocs-node';
import { HomelabAnnotations, StockAnnotations } from '@internal/plugin-homelab-common';
import { prepareDocsCopy } from './prepareDocsCopy';

/**
 * The TechDocs preparer for `dir:` references. Instead of handing mkdocs the
 * checkout itself (which the stock generator rewrites in place and walks
 * whole), it prepares a copy holding only the docs: the repo's mkdocs.yml
 * and docs_dir, or a generated config over a `docs/` folder and the README.
 */
export class HomelabDocsPreparer implements PreparerBase {
  constructor(
    private readonly deps: {
      reader: UrlReaderService;
      scmIntegrations: ScmIntegrationRegistry;
      logger: LoggerService;
      workingDirectory?: string;
    },
  ) {}

  shouldCleanPreparedDirectory(): boolean {
    // Always a copy of ours, never the checkout.
    return true;
  }

  async prepare(entity: Entity, options?: PreparerOptions): Promise<PreparerResponse> {
    const logger = options?.logger ?? this.deps.logger;
    const location = transformDirLocation(
      entity,
      parseReferenceAnnotation(StockAnnotations.techdocsRef, entity),
      this.deps.scmIntegrations,
    );
    const base = await fs.realpath(this.deps.workingDirectory ?? tmpdir());
    const outDir = await fs.mkdtemp(join(base, 'homelab-techdocs-'));
    let downloaded: string | undefined;
    try {
      let sourceDir: string;
      let repoRoot: string;
      if (location.type === 'dir') {
        sourceDir = location.target.replace(/[\\/]+$/, '');
        const gitopsPath = entity.metadata.annotations?.[HomelabAnnotations.gitopsPath] ?? '';
        const suffix = gitopsPath ? `${sep}${gitopsPath.split('/').join(sep)}` : '';
        repoRoot = suffix && sourceDir.endsWith(suffix) ? sourceDir.slice(0, -suffix.length) : sourceDir;
      } else {
        // A remote repo: read the entity's directory, then prepare from it.
        const tree = await this.deps.reader.readTree(location.target);
        downloaded = await tree.dir();
        sourceDir = downloaded;
        repoRoot = downloaded;
      }
      const prepared = await prepareDocsCopy({
        sourceDir,
        repoRoot,
        outDir,
        siteName: entity.metadata.title ?? entity.metadata.name,
        logger,
      });
      if (options?.etag && options.etag === prepared.etag) {
        throw new NotModifiedError(`Docs of ${entity.metadata.name} are unchanged`);
      }
      logger.info(
        `Prepared ${prepared.files.length} docs files of ${entity.metadata.name} from ${location.target} (${prepared.config === 'generated' ? 'generated MkDocs config' : 'the repo\'s MkDocs config'})`,
      );
      return { preparedDir: outDir, etag: prepared.etag };
    } catch (e) {
      await fs.rm(outDir, { recursive: true, force: true });
      throw e;
    } finally {
      if (downloaded) await fs.rm(downloaded, { recursive: true, force: true });
    }
  }
}
