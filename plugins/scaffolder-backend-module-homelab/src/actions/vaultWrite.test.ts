import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import { startVaultStandIn } from '../__testUtils__/vaultStandIn';
import { VaultKvClient } from '../source/VaultKvClient';
import { createHomelabVaultWriteAction } from './vaultWrite';

describe('homelab:vault:write', () => {
  let vault: Awaited<ReturnType<typeof startVaultStandIn>>;
  let workspace: string;
  beforeAll(async () => {
    vault = await startVaultStandIn('scoped-token');
    workspace = mkdtempSync(join(tmpdir(), 'homelab-vault-'));
  });
  afterAll(() => {
    vault.close();
    rmSync(workspace, { recursive: true, force: true });
  });
  const action = (token = 'scoped-token') =>
    createHomelabVaultWriteAction({ client: new VaultKvClient({ url: vault.url, token, mount: 'kv' }), allowedPrefix: 'apps/' });

  it('generates missing properties, takes others from task secrets, keeps existing ones and never logs values', async () => {
    vault.store.set('apps/productivity/wiki-secret', { data: { api_key: 'kept-value' }, version: 1 });
    const { ctx, outputs } = actionContext(
      { domain: 'productivity', key: 'apps/productivity/wiki-secret', generate: ['db_password'], fromSecrets: ['api_key', 'smtp_password'], properties: ['api_key', 'db_password', 'oidc_secret', 'smtp_password'] },
      workspace,
    );
    ctx.secrets = { api_key: 'typed-but-existing', smtp_password: 'typed-by-user' };
    await action().handler(ctx);
    const stored = vault.store.get('apps/productivity/wiki-secret')!;
    expect(stored.version).toBe(2);
    expect(Object.keys(stored.data).sort()).toEqual(['api_key', 'db_password', 'smtp_password']);
    expect(stored.data.api_key).toBe('kept-value');
    expect(stored.data.smtp_password).toBe('typed-by-user');
    expect(stored.data.db_password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(outputs).toEqual({
      written: ['db_password', 'smtp_password'],
      kept: ['api_key'],
      toCreate: ['oidc_secret'],
      message: 'Vault key `apps/productivity/wiki-secret`: generated `db_password`, `smtp_password`; kept the existing `api_key`. Still to create by hand: `oidc_secret`.',
    });
    const logged = JSON.stringify((ctx.logger.info as jest.Mock).mock.calls);
    expect(logged).not.toContain(stored.data.db_password);
    expect(logged).not.toContain('typed-by-user');
  });

  it('writes nothing in a dry run', async () => {
    const { ctx, outputs } = actionContext({ domain: 'media', key: 'apps/media/new-secret', generate: ['db_password'], fromSecrets: [], properties: ['db_password'] }, workspace, true);
    await action().handler(ctx);
    expect(vault.store.has('apps/media/new-secret')).toBe(false);
    expect(outputs).toEqual({
      written: ['db_password'],
      kept: [],
      toCreate: [],
      message: 'Vault key `apps/media/new-secret`: would generate `db_password`. Every property the app reads is there.',
    });
  });

  it.each([
    ['a key outside the allowed prefix', 'platform/volsync/restic', /^key: "platform\/volsync\/restic" must be a plain Vault key below apps\//],
    ['a key climbing out', 'apps/../platform/x', /^key: .* must be a plain Vault key/],
  ])('refuses %s before calling Vault', async (_, key, message) => {
    const before = vault.requests.length;
    const { ctx } = actionContext({ domain: 'media', key, generate: ['db_password'], fromSecrets: [] }, workspace);
    await expect(action().handler(ctx)).rejects.toThrow(message);
    expect(vault.requests.length).toBe(before);
  });

  it('refuses a property name that is not one before calling Vault', async () => {
    const before = vault.requests.length;
    const { ctx } = actionContext({ domain: 'media', key: 'apps/media/x-secret', generate: [], fromSecrets: [], properties: ['api_key', 'x: |\n  injected'] }, workspace);
    await expect(action().handler(ctx)).rejects.toThrow(/^properties: "x: \|/);
    expect(vault.requests.length).toBe(before);
  });

  it('without homelab.vault it writes nothing and names the key and every property to create', async () => {
    const before = vault.requests.length;
    const unconfigured = createHomelabVaultWriteAction({ allowedPrefix: 'apps/' });
    const { ctx, outputs } = actionContext({ domain: 'media', key: 'apps/media/x-secret', generate: ['db_password'], fromSecrets: [], properties: ['api_key'] }, workspace);
    await unconfigured.handler(ctx);
    expect(vault.requests.length).toBe(before);
    expect(vault.store.has('apps/media/x-secret')).toBe(false);
    expect(outputs).toEqual({
      written: [],
      kept: [],
      toCreate: ['api_key', 'db_password'],
      message:
        'The portal does not write to Vault here (homelab.vault is not set): create Vault key `apps/media/x-secret` with properties `api_key`, `db_password` before Argo CD syncs the app.',
    });
  });

  it('keeps an existing password: a second run writes nothing', async () => {
    const first = actionContext({ domain: 'media', key: 'apps/media/again-secret', generate: ['db_password'], fromSecrets: [], properties: ['db_password'] }, workspace);
    await action().handler(first.ctx);
    const stored = vault.store.get('apps/media/again-secret')!;
    const second = actionContext({ domain: 'media', key: 'apps/media/again-secret', generate: ['db_password'], fromSecrets: [], properties: ['db_password'] }, workspace);
    await action().handler(second.ctx);
    expect(vault.store.get('apps/media/again-secret')).toEqual(stored);
    expect(second.outputs).toMatchObject({ written: [], kept: ['db_password'], toCreate: [] });
  });

  it('shows a 403 from Vault as such', async () => {
    const { ctx } = actionContext({ domain: 'media', key: 'apps/media/x-secret', generate: ['db_password'], fromSecrets: [] }, workspace);
    await expect(action('wrong-token').handler(ctx)).rejects.toThrow(/403/);
  });
});
