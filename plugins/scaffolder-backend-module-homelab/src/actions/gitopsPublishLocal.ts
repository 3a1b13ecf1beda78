import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { checkRepoPath } from '../plan/checkRepoPath';
import { assertCleanCheckout, GitOpsSourceUnavailableError } from '../source/GitOpsSources';
import type { GitOpsSources } from '../source/GitOpsSources';
import { commitToNewBranch } from '../source/commitToNewBranch';
import { examples } from './gitopsPublishLocal.examples';

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (e.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * `homelab:gitops:publish-local`: commits the workspace folder onto a new
 * branch of the local GitOps checkout (the embedded default). The checkout's
 * working tree and main branch stay untouched until someone merges.
 *
 * @public
 */
export function createHomelabGitopsPublishLocalAction(options: { sources: GitOpsSources }) {
  return createTemplateAction({
    id: 'homelab:gitops:publish-local',
    description: 'Commits the written files to a new branch of a local git checkout of the GitOps repo.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        source: z => z.string().optional().describe('homelab.gitops.sources[].id of a local checkout'),
        sourcePath: z => z.string().default('gitops').describe('Workspace folder holding the files'),
        branch: z => z.string().describe('New branch name'),
        baseBranch: z => z.string().default('HEAD').describe('Branch the new one starts from'),
        message: z => z.string().describe('Commit message'),
      },
      output: {
        branch: z => z.string(),
        commit: z => z.string(),
        diff: z => z.string(),
        checkout: z => z.string(),
      },
    },
    async handler(ctx) {
      const source = options.sources.find(ctx.input.source);
      if (!source.path) {
        throw new InputError(`source: ${source.id} is a remote source; publish it with publish:github:pull-request`);
      }
      const folder = resolveSafeChildPath(ctx.workspacePath, checkRepoPath('sourcePath', ctx.input.sourcePath ?? 'gitops'));
      const paths = await listFiles(folder).catch(() => {
        throw new InputError(`sourcePath: the workspace has no folder ${ctx.input.sourcePath}; run homelab:app:write first`);
      });
      const files = await Promise.all(
        paths.map(async p => ({ path: checkRepoPath('sourcePath', p), content: await readFile(join(folder, p), 'utf8') })),
      );
      await assertCleanCheckout(source.id, source.path);
      if (ctx.isDryRun) {
        ctx.output('branch', ctx.input.branch);
        ctx.output('commit', 'dry-run');
        ctx.output('diff', '');
        ctx.output('checkout', source.path);
        return;
      }
      const user = ctx.user?.entity;
      const author = {
        name: user?.spec?.profile?.displayName ?? user?.metadata.name ?? 'Homelab Portal',
        email: user?.spec?.profile?.email ?? 'portal@localhost',
      };
      let result;
      try {
        result = await commitToNewBranch({
          repo: source.path,
          base: ctx.input.baseBranch ?? 'HEAD',
          branch: ctx.input.branch,
          message: ctx.input.message,
          files,
          author,
        });
      } catch (e) {
        if ((e as Error).name === 'ConflictError' || (e as Error).name === 'InputError') throw e;
        throw new GitOpsSourceUnavailableError(`source: could not commit to ${source.path}`, e);
      }
      ctx.logger.info(`Committed ${files.length} file(s) as ${result.commit} on branch ${ctx.input.branch} of ${source.path}`);
      ctx.output('branch', ctx.input.branch);
      ctx.output('commit', result.commit);
      ctx.output('diff', result.diff);
      ctx.output('checkout', source.path);
    },
  });
}
