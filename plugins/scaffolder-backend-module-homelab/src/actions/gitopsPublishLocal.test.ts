import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitOpsSources } from '../source/GitOpsSources';
import { actionContext } from '../__testUtils__/actionContext';
import { createHomelabGitopsPublishLocalAction } from './gitopsPublishLocal';

const root = resolve(__dirname, '../../../..');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd }).toString().trim();

describe('homelab:gitops:publish-local', () => {
  let tmp: string;
  let checkout: string;
  let workspace: string;
  let sources: GitOpsSources;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'homelab-publish-'));
    checkout = join(tmp, 'repo');
    workspace = join(tmp, 'workspace');
    execFileSync(process.execPath, [join(root, 'scripts/seed-gitops-checkout.mjs'), checkout, join(__dirname, '../__fixtures__/other-homelab')]);
    mkdirSync(join(workspace, 'gitops/cluster/apps/tools/wiki'), { recursive: true });
    writeFileSync(join(workspace, 'gitops/cluster/apps/tools/wiki/kustomization.yaml'), 'resources: []\n');
    sources = GitOpsSources.fromConfig(
      new ConfigReader({ homelab: { gitops: { sources: [{ id: 'lab', path: checkout }, { id: 'remote', url: 'https://github.com/example/lab/tree/main' }] } } }),
      mockServices.urlReader.mock(),
    );
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));
  const input = { source: 'lab', sourcePath: 'gitops', branch: 'homelab/add-wiki', baseBranch: 'HEAD', message: 'Add wiki' };

  it('commits the workspace folder to a new branch and leaves the working tree alone', async () => {
    const { ctx, outputs } = actionContext(input, workspace);
    await createHomelabGitopsPublishLocalAction({ sources }).handler(ctx);
    expect(git(checkout, 'branch', '--format=%(refname:short)').split('\n').sort()).toEqual(['homelab/add-wiki', 'main']);
    expect(outputs.commit).toBe(git(checkout, 'rev-parse', 'homelab/add-wiki'));
    expect(git(checkout, 'show', '--name-status', '--format=%s', 'homelab/add-wiki')).toBe('Add wiki\n\nA\tcluster/apps/tools/wiki/kustomization.yaml');
    expect(outputs.diff).toContain('+++ b/cluster/apps/tools/wiki/kustomization.yaml\n@@ -0,0 +1 @@\n+resources: []');
    expect(git(checkout, 'status', '--porcelain')).toBe('');
    expect(git(checkout, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  });

  it('in a dry run commits nothing', async () => {
    const { ctx, outputs } = actionContext(input, workspace, true);
    await createHomelabGitopsPublishLocalAction({ sources }).handler(ctx);
    expect(outputs.commit).toBe('dry-run');
    expect(git(checkout, 'branch', '--format=%(refname:short)')).toBe('main');
  });

  it('a failed publish leaves no branch behind', async () => {
    // A path git cannot store makes the commit fail after objects were written.
    writeFileSync(join(workspace, 'gitops/.git'), 'x');
    const { ctx } = actionContext(input, workspace);
    await expect(createHomelabGitopsPublishLocalAction({ sources }).handler(ctx)).rejects.toThrow(/could not commit/);
    expect(git(checkout, 'branch', '--format=%(refname:short)')).toBe('main');
  });

  it('refuses an existing branch', async () => {
    git(checkout, 'branch', 'homelab/add-wiki');
    const { ctx } = actionContext(input, workspace);
    await expect(createHomelabGitopsPublishLocalAction({ sources }).handler(ctx)).rejects.toThrow(/^branch: homelab\/add-wiki already exists/);
  });

  it('refuses a checkout with a dirty working tree', async () => {
    writeFileSync(join(checkout, 'README.md'), 'changed by hand\n');
    const { ctx } = actionContext(input, workspace);
    await expect(createHomelabGitopsPublishLocalAction({ sources }).handler(ctx)).rejects.toThrow(/^source: GitOps source lab at .* has a dirty working tree \(README.md\)/);
    expect(git(checkout, 'branch', '--format=%(refname:short)')).toBe('main');
  });

  it('refuses a folder inside a larger git repository', async () => {
    mkdirSync(join(checkout, 'nested'));
    writeFileSync(join(checkout, 'nested/a.yaml'), 'a: 1\n');
    git(checkout, 'add', '.');
    git(checkout, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'nested');
    const nested = GitOpsSources.fromConfig(new ConfigReader({ homelab: { gitops: { sources: [{ id: 'nested', path: join(checkout, 'nested') }] } } }), mockServices.urlReader.mock());
    const { ctx } = actionContext({ ...input, source: 'nested' }, workspace);
    await expect(createHomelabGitopsPublishLocalAction({ sources: nested }).handler(ctx)).rejects.toThrow(/^source: .*nested is a folder inside the git repository/);
    expect(git(checkout, 'branch', '--format=%(refname:short)')).toBe('main');
  });

  it('refuses a remote source (those get a pull request)', async () => {
    const { ctx } = actionContext({ ...input, source: 'remote' }, workspace);
    await expect(createHomelabGitopsPublishLocalAction({ sources }).handler(ctx)).rejects.toThrow(/^source: remote is a remote source/);
  });
});
