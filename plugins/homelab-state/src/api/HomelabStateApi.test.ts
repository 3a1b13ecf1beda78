/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HomelabStateClient } from './HomelabStateApi';

// A loopback stand-in for the homelab-state backend's two routes.
function standIn() {
  const seen: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    if (req.url === '/api/homelab-state/overview') {
      const tag = req.headers['if-none-match'];
      seen.push(tag);
      if (tag === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'content-type': 'application/json' }).end(JSON.stringify({ generatedAt: '2026-11-25T12:00:00.000Z', staleBackupHours: 30 }));
      return;
    }
    res
      .writeHead(403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { name: 'NotAllowedError', message: 'Reading live state needs the homelab.state.read permission' }, request: { method: 'GET', url: req.url }, response: { statusCode: 403 } }));
  });
  return new Promise<{ client: HomelabStateClient; seen: typeof seen; close: () => void }>(done =>
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/homelab-state`;
      const client = new HomelabStateClient({ discoveryApi: { getBaseUrl: async () => base }, fetchApi: { fetch: (input, init) => fetch(input, init) } });
      done({ client, seen, close: () => server.close() });
    }),
  );
}

describe('HomelabStateClient', () => {
  it('revalidates the overview with its ETag and keeps the body on 304', async () => {
    const { client, seen, close } = await standIn();
    try {
      const first = await client.getOverview();
      expect(first).toEqual({ generatedAt: '2026-11-25T12:00:00.000Z', staleBackupHours: 30 });
      expect(await client.getOverview()).toBe(first);
      expect(seen).toEqual([undefined, '"v1"']);
    } finally {
      close();
    }
  });

  it('throws a ResponseError carrying the HTTP status and the backend message', async () => {
    const { client, close } = await standIn();
    try {
      const failure = await client.getObject('cnpg-cluster', 'database', 'pg-media').catch(e => e);
      expect(failure).toBeInstanceOf(ResponseError);
      expect(failure.statusCode).toBe(403);
      expect(failure.message).toBe('Request failed with 403 Forbidden');
      // What ResponseErrorPanel shows below the status line.
      expect(failure.cause).toMatchObject({ name: 'NotAllowedError', message: expect.stringContaining('homelab.state.read') });
    } finally {
      close();
    }
  });
});
