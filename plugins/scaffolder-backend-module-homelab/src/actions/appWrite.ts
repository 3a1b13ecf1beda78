import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkRepoPath } from '../plan/checkRepoPath';
import { examples } from './appWrite.examples';

/**
 * `homelab:app:write`: writes the planned files (full content, edits
 * included) into the task workspace, below `targetPath`, for a publisher
 * to pick up. Every path is checked before the first file is written.
 *
 * @public
 */
export function createHomelabAppWriteAction() {
  return createTemplateAction({
    id: 'homelab:app:write',
    description: 'Writes the files of homelab:app:plan into the workspace (default folder: gitops).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        files: z => z.array(z.object({ path: z.string(), content: z.string() }).passthrough()).describe('steps.plan.output.files'),
        targetPath: z => z.string().default('gitops').describe('Workspace folder to write into'),
      },
      output: { written: z => z.array(z.string()) },
    },
    async handler(ctx) {
      const target = checkRepoPath('targetPath', ctx.input.targetPath ?? 'gitops');
      const files = ctx.input.files.map((f, i) => ({
        path: checkRepoPath(`files[${i}].path`, f.path),
        content: f.content,
      }));
      const root = resolveSafeChildPath(ctx.workspacePath, target);
      const destinations = files.map(f => ({ ...f, dest: resolveSafeChildPath(root, f.path) }));
      for (const f of destinations) {
        await mkdir(dirname(f.dest), { recursive: true });
        await writeFile(f.dest, f.content, 'utf8');
      }
      ctx.logger.info(`Wrote ${files.length} file(s) to ${target}/`);
      ctx.output('written', files.map(f => f.path));
    },
  });
}
