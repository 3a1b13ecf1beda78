import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitOpsSources } from '../source/GitOpsSources';
import { actionContext } from '../__testUtils__/actionContext';
import { createHomelabAppPlanAction } from './appPlan';

const root = resolve(__dirname, '../../../..');
const request = {
  kind: 'web',
  source: 'lab',
  domain: 'domain:default/tools',
  name: 'wiki',
  owner: 'user:default/guest',
  image: 'ghcr.io/example/wiki:1.4.0',
  host: 'wiki.lab.example.org',
  storageSize: '',
  chart: '',
};

describe('homelab:app:plan', () => {
  let tmp: string;
  let checkout: string;
  let sources: GitOpsSources;
  let reader: ReturnType<typeof mockServices.urlReader.mock>;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'homelab-plan-'));
    checkout = join(tmp, 'repo');
    execFileSync(process.execPath, [join(root, 'scripts/seed-gitops-checkout.mjs'), checkout, join(__dirname, '../__fixtures__/other-homelab')]);
    reader = mockServices.urlReader.mock({
      readTree: async () => {
        throw new Error('getaddrinfo ENOTFOUND github.com');
      },
    });
    sources = GitOpsSources.fromConfig(
      new ConfigReader({
        homelab: {
          gitops: {
            sources: [
              { id: 'lab', path: checkout },
              { id: 'gone', path: join(tmp, 'missing') },
              { id: 'remote', url: 'https://github.com/example/lab/tree/main' },
            ],
          },
          conventions: { argo: { project: 'apps-{domain}' } },
        },
      }),
      reader,
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('outputs the files, the summary, a branch and how to publish', async () => {
    const { ctx, outputs } = actionContext(request, tmp);
    await createHomelabAppPlanAction({ sources }).handler(ctx);
    expect((outputs.files as any[]).map(f => f.path)).toContain('deploy/argocd/wiki.yaml');
    // homelab.conventions wins over the learned project.
    expect((outputs.files as any[]).find(f => f.path === 'deploy/argocd/wiki.yaml').content).toContain('project: apps-tools');
    expect(outputs).toMatchObject({ source: 'lab', publishMode: 'local', components: ['wiki'], dependencies: [] });
    expect(outputs.branch).toMatch(/^homelab\/add-wiki-\d{14}$/);
    expect(outputs.prBody).toContain('### Review checklist');
  });

  it('plans against a remote source read through the UrlReader and publishes it as a pull request', async () => {
    const fixture = join(__dirname, '../__fixtures__/other-homelab');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap(n => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)).map(p => `${n}/${p}`) : [n]));
    const remoteReader = mockServices.urlReader.mock({
      readTree: async () =>
        ({
          etag: 'abc',
          files: async () => walk(fixture).map(path => ({ path, content: async () => readFileSync(join(fixture, path)) })),
          // Like the UrlReader's: the tree extracted to a temp dir the caller removes.
          dir: async () => {
            const extracted = mkdtempSync(join(tmpdir(), 'homelab-remote-'));
            cpSync(fixture, extracted, { recursive: true });
            return extracted;
          },
        }) as any,
    });
    const remote = GitOpsSources.fromConfig(
      new ConfigReader({ homelab: { gitops: { sources: [{ id: 'remote', url: 'https://github.com/example/lab/tree/main' }] } } }),
      remoteReader,
    );
    const { ctx, outputs } = actionContext({ ...request, source: 'remote' }, tmp);
    await createHomelabAppPlanAction({ sources: remote }).handler(ctx);
    expect(outputs).toMatchObject({ source: 'remote', publishMode: 'github', repoUrl: 'github.com?owner=example&repo=lab', targetBranch: 'main' });
    expect((outputs.files as any[]).map(f => f.path)).toContain('deploy/argocd/wiki.yaml');
  });

  it('refuses an unreachable local source, naming the field', async () => {
    const { ctx } = actionContext({ ...request, source: 'gone' }, tmp);
    await expect(createHomelabAppPlanAction({ sources }).handler(ctx)).rejects.toThrow(/^source: GitOps source gone is unreachable: .*missing does not exist/);
  });

  it('refuses an unreachable remote source, naming the field', async () => {
    const { ctx } = actionContext({ ...request, source: 'remote' }, tmp);
    await expect(createHomelabAppPlanAction({ sources }).handler(ctx)).rejects.toThrow(/^source: GitOps source remote is unreachable at https:\/\/github.com\/example\/lab\/tree\/main/);
  });

  it('refuses a checkout with a dirty working tree', async () => {
    writeFileSync(join(checkout, 'stray.yaml'), 'a: 1\n');
    const { ctx } = actionContext(request, tmp);
    try {
      await expect(createHomelabAppPlanAction({ sources }).handler(ctx)).rejects.toThrow(/^source: GitOps source lab at .* has a dirty working tree \(stray.yaml\)/);
    } finally {
      rmSync(join(checkout, 'stray.yaml'));
    }
  });
});
