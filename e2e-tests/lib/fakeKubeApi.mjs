// A stand-in Kubernetes API server on loopback that serves a folder of
// recorded `kubectl get -A -o yaml` lists at the real list paths
// (/apis/<group>/<version>/<plural>), with a configurable latency, and counts
// the list calls it answers. Used by the live-state benchmark and e2e test to
// exercise the real Kubernetes source end to end.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export async function startFakeKubeApi({ folder, latencyMs = 0, token, forbidden = [] }) {
  const lists = new Map();
  for (const file of readdirSync(folder).filter(f => f.endsWith('.yaml'))) {
    const [plural, ...group] = file.replace(/\.yaml$/, '').split('.');
    lists.set(`${group.join('.')}/${plural}`, parse(readFileSync(join(folder, file), 'utf8')));
  }
  const calls = new Map();
  const server = createServer(async (req, res) => {
    const m = req.url.match(/^\/apis\/([^/]+)\/([^/]+)\/([^/?]+)/);
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      send(401, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401, message: 'Unauthorized' });
      return;
    }
    if (!m) {
      send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
      return;
    }
    const key = `${m[1]}/${m[3]}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    if (latencyMs) await new Promise(r => setTimeout(r, latencyMs));
    if (forbidden.includes(key)) {
      send(403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: `${m[3]}.${m[1]} is forbidden: User "system:serviceaccount:backstage:homelab-portal" cannot list resource "${m[3]}" in API group "${m[1]}" at the cluster scope` });
      return;
    }
    const list = lists.get(key);
    if (!list) {
      send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' });
      return;
    }
    send(200, { ...list, apiVersion: `${m[1]}/${m[2]}`, kind: `${list.items?.[0]?.kind ?? 'Object'}List` });
  });
  await new Promise(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => [...calls.values()].reduce((a, b) => a + b, 0),
    callsByKind: () => Object.fromEntries(calls),
    close: () => new Promise(r => server.close(r)),
  };
}
