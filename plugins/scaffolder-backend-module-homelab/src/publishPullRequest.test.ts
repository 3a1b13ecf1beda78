// The production publish path: a plan against a remote (GitHub) source,
// written to the workspace and published by the stock
// `publish:github:pull-request` action against a stand-in of GitHub's REST and
// GraphQL API (msw), answering with the shapes the real API returns.
import { ConfigReader } from '@backstage/config';
import { mockServices, registerMswTestHooks } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHomelabAppPlanAction } from './actions/appPlan';
import { createHomelabAppWriteAction } from './actions/appWrite';
import { GitOpsSources } from './source/GitOpsSources';
import { actionContext } from './__testUtils__/actionContext';

const API = 'https://api.github.com';
const example = resolve(__dirname, '../../../examples/homelab-gitops');

/** The requests the stand-in received, by route, with their JSON bodies. */
type Recorded = Array<{ route: string; body: any }>;

function gitHubStandIn(recorded: Recorded) {
  const repo = { id: 1, name: 'homelab-gitops', full_name: 'example/homelab-gitops', private: true, default_branch: 'main', permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } };
  const record = async (route: string, request: Request) => {
    const body = request.method === 'GET' ? undefined : await request.json();
    recorded.push({ route, body });
    return body;
  };
  return [
    http.get(`${API}/repos/example/homelab-gitops`, async ({ request }) => {
      await record('GET repo', request);
      return HttpResponse.json(repo, { headers: { 'x-oauth-scopes': 'repo' } });
    }),
    http.get(`${API}/repos/example/homelab-gitops/commits`, async ({ request }) => {
      await record(`GET commits?sha=${new URL(request.url).searchParams.get('sha')}`, request);
      return HttpResponse.json([{ sha: 'c0ffee0000000000000000000000000000000001', commit: { message: 'seed', tree: { sha: 'feed000000000000000000000000000000000001' } } }]);
    }),
    http.post(`${API}/repos/example/homelab-gitops/git/blobs`, async ({ request }) => {
      const body = await record('POST blob', request);
      const sha = Buffer.from(String(body.content)).toString('hex').slice(0, 40).padEnd(40, '0');
      return HttpResponse.json({ sha, url: `${API}/repos/example/homelab-gitops/git/blobs/${sha}` }, { status: 201 });
    }),
    http.post(`${API}/repos/example/homelab-gitops/git/trees`, async ({ request }) => {
      await record('POST tree', request);
      return HttpResponse.json({ sha: 'feed000000000000000000000000000000000002', url: `${API}/repos/example/homelab-gitops/git/trees/feed2`, tree: [], truncated: false }, { status: 201 });
    }),
    http.post(`${API}/repos/example/homelab-gitops/git/commits`, async ({ request }) => {
      const body = await record('POST commit', request);
      return HttpResponse.json({ sha: 'c0ffee0000000000000000000000000000000002', message: body.message, tree: { sha: body.tree }, parents: body.parents.map((sha: string) => ({ sha })) }, { status: 201 });
    }),
    // Does the branch exist, with an open pull request? (an anonymous GraphQL query). A new branch: no ref.
    http.post(`${API}/graphql`, async ({ request }) => {
      const body = await request.json() as any;
      recorded.push({ route: 'GraphQL ref', body: body.variables });
      return HttpResponse.json({ data: { repository: { ref: null } } });
    }),
    http.post(`${API}/repos/example/homelab-gitops/git/refs`, async ({ request }) => {
      const body = await record('POST ref', request);
      return HttpResponse.json({ ref: body.ref, object: { sha: body.sha, type: 'commit' } }, { status: 201 });
    }),
    http.post(`${API}/repos/example/homelab-gitops/pulls`, async ({ request }) => {
      const body = await record('POST pull', request);
      return HttpResponse.json(
        { number: 42, html_url: 'https://github.com/example/homelab-gitops/pull/42', state: 'open', title: body.title, body: body.body, head: { ref: body.head.split(':')[1] }, base: { ref: body.base } },
        { status: 201 },
      );
    }),
  ];
}

describe('publishing a planned app as a GitHub pull request', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let workspace: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'homelab-pr-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('opens the pull request on the generated branch with the app, its dependencies, the Vault keys and a checklist', async () => {
    const recorded: Recorded = [];
    server.use(...gitHubStandIn(recorded));
    // The remote source is read through the UrlReader, which extracts the tree to a folder.
    const reader = mockServices.urlReader.mock({
      readTree: async () =>
        ({
          etag: 'abc',
          dir: async () => {
            const dir = mkdtempSync(join(tmpdir(), 'homelab-remote-'));
            cpSync(example, dir, { recursive: true });
            return dir;
          },
        }) as any,
    });
    const sources = GitOpsSources.fromConfig(
      new ConfigReader({ homelab: { gitops: { sources: [{ id: 'github', url: 'https://github.com/example/homelab-gitops/tree/main' }] } } }),
      reader,
    );

    const plan = actionContext(
      { kind: 'web', domain: 'productivity', name: 'wiki', owner: 'user:default/guest', image: 'ghcr.io/example/wiki:1.4.0', hostname: 'wiki.homelab.example', postgresCluster: 'pg-productivity', secretKeys: ['api_key'] },
      workspace,
    );
    await createHomelabAppPlanAction({ sources }).handler(plan.ctx);
    const out = plan.outputs as any;
    expect({ publishMode: out.publishMode, repoUrl: out.repoUrl, targetBranch: out.targetBranch }).toEqual({
      publishMode: 'github',
      repoUrl: 'github.com?owner=example&repo=homelab-gitops',
      targetBranch: 'main',
    });
    await createHomelabAppWriteAction().handler(actionContext({ files: out.files, targetPath: 'gitops' }, workspace).ctx);

    const integrations = ScmIntegrations.fromConfig(new ConfigReader({ integrations: { github: [{ host: 'github.com', token: 'ghp_test' }] } }));
    const publish = actionContext(
      {
        repoUrl: out.repoUrl,
        branchName: out.branch,
        targetBranchName: out.targetBranch,
        title: 'Add app wiki',
        description: out.prBody,
        sourcePath: 'gitops',
        targetPath: '.',
      },
      workspace,
    );
    await createPublishGithubPullRequestAction({ integrations }).handler(publish.ctx);

    expect(recorded.map(r => r.route)).toEqual([
      'GET repo',
      'GET commits?sha=main',
      ...out.files.map(() => 'POST blob'),
      'POST tree',
      'POST commit',
      'GraphQL ref',
      'POST ref',
      'POST pull',
    ]);
    const body = (route: string) => recorded.find(r => r.route === route)!.body;
    // Every planned file, at its repo path, on top of main's tree.
    expect(body('POST tree').base_tree).toBe('feed000000000000000000000000000000000001');
    expect(body('POST tree').tree.map((t: any) => t.path).sort()).toEqual(out.files.map((f: any) => f.path).sort());
    expect(body('POST commit').parents).toEqual(['c0ffee0000000000000000000000000000000001']);
    expect(body('POST ref')).toEqual({ ref: `refs/heads/${out.branch}`, sha: 'c0ffee0000000000000000000000000000000002' });
    expect(out.branch).toMatch(/^homelab\/add-wiki-\d{14}$/);

    const pull = body('POST pull');
    expect({ head: pull.head, base: pull.base, title: pull.title, draft: pull.draft }).toEqual({
      head: `example:${out.branch}`,
      base: 'main',
      title: 'Add app wiki',
      draft: false,
    });
    expect(pull.body).toBe(out.prBody);
    expect(pull.body.split('\n')).toEqual(
      expect.arrayContaining([
        '**web** `wiki` in domain `productivity` of GitOps source `github`.',
        'Components: `wiki`',
        'Depends on: `pg-productivity`',
        'Vault keys to create before syncing (values are never in git):',
        '- `apps/productivity/wiki-secret` with properties `api_key`, `db_password`',
        '### Review checklist',
        '- [ ] The Vault keys above exist with every property before Argo CD syncs',
        '- [ ] The owners of pg-productivity agree to the new consumer',
        '- create `cluster/apps/productivity/wiki/deployment.yaml`',
        '- edit `cluster/platform/base/data/data-definitions/postgres/pg-productivity/cluster.yaml`',
      ]),
    );
    expect(publish.outputs).toEqual({
      remoteUrl: 'https://github.com/example/homelab-gitops/pull/42',
      pullRequestNumber: 42,
      targetBranchName: 'main',
    });
  }, 30_000);
});
