// The templates' Vault step through the real scaffolder backend: with
// homelab.vault configured it generates the new role's password in a
// stand-in of Vault's KV API (never in git, never in the task log); without
// it the task output names the key and properties to create by hand.
import { mockCredentials } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTemplateBackend, templateEntity as template } from './__testUtils__/templateBackend';
import { startVaultStandIn } from './__testUtils__/vaultStandIn';

const TEMPLATES = ['web-app', 'app-with-postgres', 'app-with-cache'];
const wiki = {
  owner: 'user:default/guest',
  name: 'wiki',
  domain: 'productivity',
  image: 'ghcr.io/example/wiki:1.4.0',
  hostname: 'wiki.homelab.example',
  ingressClass: 'haproxy-restricted',
  postgresCluster: 'pg-productivity',
  secretKeys: ['oidc_secret'],
};
const site = { owner: 'user:default/guest', name: 'board', domain: 'productivity', image: 'ghcr.io/example/board:1.0.0', hostname: 'board.homelab.example', ingressClass: 'haproxy' };

const startScaffolder = (tmp: string, vault?: object) => startTemplateBackend(tmp, TEMPLATES, vault ? { vault } : {});

async function runTask(server: any, name: string, values: object) {
  const auth = mockCredentials.user.header();
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', auth)
    .send({ templateRef: `template:default/${template(name).metadata.name}`, values });
  expect(created.status).toBe(201);
  let task: any;
  for (let i = 0; i < 300; i++) {
    task = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}`).set('Authorization', auth)).body;
    if (task.status === 'completed' || task.status === 'failed') break;
    await new Promise(r => setTimeout(r, 100));
  }
  const events = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}/events`).set('Authorization', auth)).body;
  const completion = events.find((e: any) => e.type === 'completion');
  return { task, events, output: completion?.body.output };
}

const vaultText = (output: any) => output.text.find((t: any) => t.title === 'Vault')?.content;

describe('the Vault step of the app templates', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'homelab-vault-step-'));
  let vault: Awaited<ReturnType<typeof startVaultStandIn>>;
  beforeAll(async () => {
    vault = await startVaultStandIn('apps-only-token');
  });
  afterAll(() => {
    vault.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('with homelab.vault: generates the role password, names what is left, writes no value to git or to the log', async () => {
    const { server, checkout } = await startScaffolder(join(tmp, 'configured'), { url: vault.url, token: 'apps-only-token', mount: 'kv' });

    const dry = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({ template: template('app-with-postgres'), values: wiki, directoryContents: [] });
    expect(dry.status).toBe(200);
    expect(vault.store.has('apps/productivity/wiki-secret')).toBe(false);

    const { task, events, output } = await runTask(server, 'app-with-postgres', wiki);
    expect(task.status).toBe('completed');
    const stored = vault.store.get('apps/productivity/wiki-secret');
    expect(Object.keys(stored!.data)).toEqual(['db_password']);
    const password = stored!.data.db_password;
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(vaultText(output)).toBe(
      'Vault key `apps/productivity/wiki-secret`: generated `db_password`. Still to create by hand: `oidc_secret`.',
    );

    expect(JSON.stringify(events)).not.toContain(password);
    const branch = execFileSync('git', ['branch', '--format=%(refname:short)', '--no-merged', 'main'], { cwd: checkout }).toString().trim();
    const committed = execFileSync('git', ['log', '-p', '--format=', `main..${branch}`], { cwd: checkout }).toString();
    expect(committed).toContain('wiki-secret');
    expect(committed).not.toContain(password);
  }, 120_000);

  it('without homelab.vault: nothing is written and the output names the key and every property', async () => {
    const before = vault.requests.length;
    const { server } = await startScaffolder(join(tmp, 'unconfigured'));
    const { task, output } = await runTask(server, 'app-with-postgres', { ...wiki, name: 'notes', hostname: 'notes.homelab.example' });
    expect(task.status).toBe('completed');
    expect(vaultText(output)).toBe(
      'The portal does not write to Vault here (homelab.vault is not set): create Vault key `apps/productivity/notes-secret` with properties `db_password`, `oidc_secret` before Argo CD syncs the app.',
    );
    // An app with no Vault key of its own skips the step.
    const plain = await runTask(server, 'web-app', site);
    expect(plain.task.status).toBe('completed');
    expect(vaultText(plain.output)).toBe('This app reads no Vault key of its own.');
    const vaultStatuses = plain.events.filter((e: any) => e.body.stepId === 'vault' && e.body.status).map((e: any) => e.body.status);
    expect(vaultStatuses[vaultStatuses.length - 1]).toBe('skipped');
    expect(vault.requests.length).toBe(before);
  }, 120_000);
});
