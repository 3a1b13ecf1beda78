import type { Config } from '@backstage/config';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  buildRepoModel,
  learnConventions,
  readConventionOverrides,
  readGitOpsLayout,
  readLocalRepo,
  readUrlRepo,
} from '@internal/plugin-homelab-gitops-node';
import type { GitOpsLayout } from '@internal/plugin-homelab-gitops-node';
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RepoContext } from './RepoContext';

const run = promisify(execFile);

/**
 * The GitOps source cannot be read or is not in a state to write into.
 *
 * @public
 */
export class GitOpsSourceUnavailableError extends CustomErrorBase {
  name = 'GitOpsSourceUnavailableError' as const;
}

interface SourceConfig {
  id: string;
  path?: string;
  url?: string;
  layout: GitOpsLayout;
}

/**
 * The configured GitOps sources (`homelab.gitops.sources`) and the
 * conventions overrides, read once; `load` reads one source for a plan.
 *
 * @public
 */
export class GitOpsSources {
  static fromConfig(config: Config, reader: UrlReaderService): GitOpsSources {
    const sources = (config.getOptionalConfigArray('homelab.gitops.sources') ?? []).map(c => ({
      id: c.getString('id'),
      path: c.getOptionalString('path') ? resolve(c.getString('path')) : undefined,
      url: c.getOptionalString('url'),
      layout: readGitOpsLayout(c.getOptionalConfig('layout')),
    }));
    return new GitOpsSources(sources, config, reader);
  }

  private constructor(
    private readonly sources: SourceConfig[],
    private readonly config: Config,
    private readonly reader: UrlReaderService,
  ) {}

  ids(): string[] {
    return this.sources.map(s => s.id);
  }

  find(id: string | undefined): SourceConfig {
    const source = id ? this.sources.find(s => s.id === id) : this.sources[0];
    if (!source) {
      throw new InputError(`source: no GitOps source ${id ?? ''} is configured (homelab.gitops.sources); known: ${this.ids().join(', ') || 'none'}`);
    }
    return source;
  }

  /**
   * Reads a source for planning. A local checkout must exist and have a
   * clean working tree; a remote one must answer.
   */
  async load(id: string | undefined): Promise<RepoContext> {
    const source = this.find(id);
    let snapshot;
    if (source.path) {
      const isDir = await stat(source.path).then(s => s.isDirectory(), () => false);
      if (!isDir) throw new GitOpsSourceUnavailableError(`source: GitOps source ${source.id} is unreachable: ${source.path} does not exist`);
      await assertCleanCheckout(source.id, source.path);
      snapshot = await readLocalRepo(source.path);
    } else {
      try {
        snapshot = await readUrlRepo(this.reader, source.url!);
      } catch (e) {
        throw new GitOpsSourceUnavailableError(`source: GitOps source ${source.id} is unreachable at ${source.url}`, e);
      }
      if (!snapshot) throw new GitOpsSourceUnavailableError(`source: GitOps source ${source.id} returned no tree`);
    }
    const model = buildRepoModel(snapshot, source.layout);
    return {
      sourceId: source.id,
      path: source.path,
      url: source.url,
      snapshot,
      model,
      layout: source.layout,
      conventions: learnConventions(snapshot, model, readConventionOverrides(this.config)),
    };
  }
}

/** Refuses a git checkout with uncommitted changes: a branch made from it would not match what was reviewed. */
export async function assertCleanCheckout(id: string, dir: string): Promise<void> {
  let out: string;
  try {
    out = (await run('git', ['status', '--porcelain', '--untracked-files=normal', '--', '.'], { cwd: dir })).stdout;
  } catch (e) {
    throw new GitOpsSourceUnavailableError(`source: GitOps source ${id} at ${dir} is not a git checkout`, e);
  }
  if (out.trim()) {
    const files = out.split('\n').filter(Boolean).slice(0, 5).map(l => l.slice(3));
    throw new GitOpsSourceUnavailableError(`source: GitOps source ${id} at ${dir} has a dirty working tree (${files.join(', ')}); commit or discard the changes first`);
  }
}
