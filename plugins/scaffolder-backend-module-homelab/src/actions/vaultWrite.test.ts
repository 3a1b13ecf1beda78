import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionContext } from '../__testUtils__/actionContext';
import { VaultKvClient } from '../source/VaultKvClient';
import { createHomelabVaultWriteAction } from './vaultWrite';

/** A loopback stand-in of Vault's KV v2 HTTP API: token check, versions, check-and-set. */
function startVaultStandIn(token: string) {
  const store = new Map<string, { data: Record<string, string>; version: number }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers['x-vault-token'] !== token) return send(403, { errors: ['permission denied'] });
      const m = req.url!.match(/^\/v1\/kv\/data\/(.+)$/);
      if (!m) return send(404, { errors: [] });
      const key = decodeURIComponent(m[1]);
      const entry = store.get(key);
      if (req.method === 'GET') {
        return entry ? send(200, { data: { data: entry.data, metadata: { version: entry.version } } }) : send(404, { errors: [] });
      }
      const parsed = JSON.parse(body);
      if (parsed.options?.cas !== undefined && parsed.options.cas !== (entry?.version ?? 0)) {
        return send(400, { errors: ['check-and-set parameter did not match the current version'] });
      }
      const version = (entry?.version ?? 0) + 1;
      store.set(key, { data: parsed.data, version });
      return send(200, { data: { version } });
    });
  });
  return new Promise<{ url: string; store: typeof store; requests: string[]; close: () => void }>(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store, requests, close: () => server.close() }),
    ),
  );
}

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
    const { ctx, outputs } = actionContext({ key: 'apps/productivity/wiki-secret', generate: ['db_password'], fromSecrets: ['api_key', 'smtp_password'] }, workspace);
    ctx.secrets = { api_key: 'typed-but-existing', smtp_password: 'typed-by-user' };
    await action().handler(ctx);
    const stored = vault.store.get('apps/productivity/wiki-secret')!;
    expect(stored.version).toBe(2);
    expect(Object.keys(stored.data).sort()).toEqual(['api_key', 'db_password', 'smtp_password']);
    expect(stored.data.api_key).toBe('kept-value');
    expect(stored.data.smtp_password).toBe('typed-by-user');
    expect(stored.data.db_password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(outputs).toEqual({ written: ['db_password', 'smtp_password'], kept: ['api_key'] });
    const logged = JSON.stringify((ctx.logger.info as jest.Mock).mock.calls);
    expect(logged).not.toContain(stored.data.db_password);
    expect(logged).not.toContain('typed-by-user');
  });

  it('writes nothing in a dry run', async () => {
    const { ctx, outputs } = actionContext({ key: 'apps/media/new-secret', generate: ['db_password'], fromSecrets: [] }, workspace, true);
    await action().handler(ctx);
    expect(vault.store.has('apps/media/new-secret')).toBe(false);
    expect(outputs.written).toEqual(['db_password']);
  });

  it.each([
    ['a key outside the allowed prefix', 'platform/volsync/restic', /^key: "platform\/volsync\/restic" must be a plain Vault key below apps\//],
    ['a key climbing out', 'apps/../platform/x', /^key: .* must be a plain Vault key/],
  ])('refuses %s before calling Vault', async (_, key, message) => {
    const before = vault.requests.length;
    const { ctx } = actionContext({ key, generate: ['db_password'], fromSecrets: [] }, workspace);
    await expect(action().handler(ctx)).rejects.toThrow(message);
    expect(vault.requests.length).toBe(before);
  });

  it('shows a 403 from Vault as such', async () => {
    const { ctx } = actionContext({ key: 'apps/media/x-secret', generate: ['db_password'], fromSecrets: [] }, workspace);
    await expect(action('wrong-token').handler(ctx)).rejects.toThrow(/403/);
  });
});
