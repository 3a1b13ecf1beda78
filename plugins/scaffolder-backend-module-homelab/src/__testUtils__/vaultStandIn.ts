import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in of Vault's KV v2 HTTP API: token check, versions, check-and-set. */
export function startVaultStandIn(token: string) {
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

