import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { GitOpsSources } from '../source/GitOpsSources';
import type { AppRequest } from '../plan/AppRequest';
import { planApp } from '../plan/planApp';
import { nameOfRef } from '../plan/validateAppRequest';
import { pullRequestBody } from '../plan/pullRequestBody';
import { examples } from './appPlan.examples';

/** Where and how a plan gets published: a branch of a local checkout, or a pull request on GitHub. */
function publishTarget(path?: string, url?: string) {
  if (path) return { publishMode: 'local' as const, repoUrl: '', targetBranch: '' };
  const m = url?.match(/^https:\/\/([^/]+)\/([^/]+)\/([^/]+?)(?:\.git)?(?:\/tree\/([^/]+).*)?$/);
  return { publishMode: 'github' as const, repoUrl: m ? `${m[1]}?owner=${m[2]}&repo=${m[3]}` : '', targetBranch: m?.[4] ?? 'main' };
}

/**
 * `homelab:app:plan`: checks the request against the field rules and the
 * repo, and computes every file to create or edit. Nothing is written.
 *
 * @public
 */
export function createHomelabAppPlanAction(options: { sources: GitOpsSources }) {
  return createTemplateAction({
    id: 'homelab:app:plan',
    description:
      'Validates a new app against the GitOps repo and computes every file to create or edit, following the conventions learned from the repo.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        kind: z => z.enum(['web', 'static-site', 'ray-service', 'ray-job', 'platform']).describe('What to create'),
        source: z => z.string().optional().describe('homelab.gitops.sources[].id; the first source by default'),
        domain: z => z.string().describe('Domain the app goes into'),
        name: z => z.string().describe('DNS-1123 name of the app'),
        description: z => z.string().optional(),
        owner: z => z.string().optional().describe('Owner entity ref'),
        image: z => z.string().optional().describe('Image with a pinned tag'),
        port: z => z.number().optional(),
        replicas: z => z.number().optional(),
        cpu: z => z.string().optional(),
        memory: z => z.string().optional(),
        hostname: z => z.string().optional().describe('Host name inside the base domain'),
        ingressClass: z => z.string().optional().describe('public, restricted, or an IngressClass'),
        storageSize: z => z.string().optional().describe('Size of a persistent volume (e.g. 5Gi); none when empty'),
        mountPath: z => z.string().optional().describe('Where the volume is mounted'),
        storageClass: z => z.string().optional().describe('StorageClass (entity ref or name); the repo default when empty'),
        postgresCluster: z => z.string().optional().describe('CloudNativePG cluster (entity ref or name)'),
        database: z => z.string().optional(),
        cache: z => z.string().optional().describe('Cache or queue (entity ref or name)'),
        secretKeys: z => z.array(z.string()).optional().describe('Property names of the app secret in Vault (never values)'),
        gpu: z => z.boolean().optional(),
        entrypoint: z => z.string().optional(),
        serveImportPath: z => z.string().optional(),
        category: z => z.string().optional(),
        namespace: z => z.string().optional(),
        chartRepoURL: z => z.string().optional().describe('Helm repository of a platform component'),
        chart: z => z.string().optional(),
        chartVersion: z => z.string().optional(),
      },
      output: {
        files: z => z.array(z.object({ path: z.string(), action: z.enum(['create', 'edit']), content: z.string(), diff: z.string() })),
        summary: z => z.string(),
        prBody: z => z.string(),
        components: z => z.array(z.string()),
        dependencies: z => z.array(z.string()),
        vaultKeys: z => z.array(z.object({ key: z.string(), properties: z.array(z.string()), generate: z.array(z.string()) })),
        branch: z => z.string(),
        source: z => z.string(),
        publishMode: z => z.enum(['local', 'github']),
        repoUrl: z => z.string(),
        targetBranch: z => z.string(),
      },
    },
    async handler(ctx) {
      const flat = Object.fromEntries(Object.entries(ctx.input).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as Record<string, any>;
      const { storageSize, mountPath, storageClass, chartRepoURL, chart, chartVersion, ...rest } = flat;
      const input: AppRequest = {
        ...(rest as AppRequest),
        // Pickers hand over entity refs; the domain is its name.
        domain: nameOfRef('domain', String(rest.domain ?? '')),
        storage: storageSize ? { size: storageSize, mountPath: mountPath ?? '/data', storageClass } : undefined,
        chart: chart || chartRepoURL ? { repoURL: chartRepoURL ?? '', chart: chart ?? '', version: chartVersion ?? '' } : undefined,
      };
      const repo = await options.sources.load(input.source);
      const plan = planApp(repo, input);
      ctx.logger.info(`Planned ${plan.files.length} file(s) for ${input.kind} ${input.name} in ${repo.sourceId}`);
      const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const target = publishTarget(repo.path, repo.url);
      ctx.output('files', plan.files);
      ctx.output('summary', plan.summary);
      ctx.output('prBody', pullRequestBody(plan));
      ctx.output('components', plan.components);
      ctx.output('dependencies', plan.dependencies);
      ctx.output('vaultKeys', plan.vaultKeys);
      ctx.output('branch', `homelab/add-${input.name}-${stamp}`);
      ctx.output('source', repo.sourceId);
      ctx.output('publishMode', target.publishMode);
      ctx.output('repoUrl', target.repoUrl);
      ctx.output('targetBranch', target.targetBranch);
    },
  });
}
