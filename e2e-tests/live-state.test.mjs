// Live state through the real Kubernetes source: a stand-in API server on
// loopback serves the recorded example cluster (one kind forbidden), and a
// second configured cluster is unreachable. The portal must show what it can
// and say precisely what it cannot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { api, repoRoot, startBackend, TEST_TOKEN } from './lib/backend.mjs';
import { startFakeKubeApi } from './lib/fakeKubeApi.mjs';

const port = Number(process.env.E2E_STATE_PORT ?? 7109);
let kube;
let backend;

before(async () => {
  kube = await startFakeKubeApi({
    folder: join(repoRoot, 'examples/cluster-snapshot'),
    token: 'e2e-cluster-token',
    forbidden: ['ray.io/rayjobs'],
  });
  backend = await startBackend({
    port,
    name: 'live-state',
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: {
      homelab: { state: { source: 'kubernetes', cacheTtlSeconds: 30, requestTimeoutSeconds: 3 } },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'homelab', url: kube.url, authProvider: 'serviceAccount', serviceAccountToken: 'e2e-cluster-token', skipTLSVerify: true },
              // Nothing listens on port 9 of loopback: an unreachable cluster.
              { name: 'offsite', url: 'http://127.0.0.1:9', authProvider: 'serviceAccount', serviceAccountToken: 'x', skipTLSVerify: true },
              // Credentials only the signed-in user has: never read, not at its url and not as the
              // local cluster (it points at the same stand-in, so a read would show its objects).
              { name: 'cloud', url: kube.url, authProvider: 'oidc', oidcTokenProvider: 'authentik', skipTLSVerify: true },
            ],
          },
        ],
      },
    },
  });
});

after(async () => {
  await backend?.stop();
  await kube?.close();
});

test('the overview shows the reachable cluster and says what failed where', async () => {
  const overview = await (await api(backend.url, '/api/homelab-state/overview')).json();
  assert.deepEqual(overview.clusters, ['cloud', 'homelab', 'offsite']);
  assert.equal(overview.cnpg.filter(c => c.cluster === 'homelab').length, 5);
  assert.equal(overview.ceph.clusters[0].cluster, 'homelab');

  const forbidden = overview.errors.find(e => e.type === 'forbidden');
  assert.equal(forbidden.cluster, 'homelab');
  assert.equal(forbidden.kind, 'ray-job');
  assert.match(forbidden.rbacRule, /resources: \["rayjobs"\]/);

  const offsite = overview.errors.filter(e => e.cluster === 'offsite');
  assert.equal(offsite.length, 12, 'every kind of the unreachable cluster is reported');
  assert.ok(offsite.every(e => e.type === 'unreachable'), JSON.stringify(offsite[0]));
});

test('a cluster whose authProvider the source cannot use is refused by name, never read', async () => {
  const overview = await (await api(backend.url, '/api/homelab-state/overview')).json();
  const cloud = overview.errors.filter(e => e.cluster === 'cloud');
  assert.equal(cloud.length, 12, 'every kind of the refused cluster is reported');
  assert.deepEqual(new Set(cloud.map(e => e.type)), new Set(['unsupported-auth']));
  assert.equal(
    cloud[0].message,
    "Cluster cloud uses authProvider oidc, which source: kubernetes cannot use; it needs the signed-in user's token, which no backend reader has (kubernetes-proxy cannot either); give the portal a service account there (authProvider: serviceAccount with serviceAccountToken)",
  );
  assert.deepEqual(overview.cnpg.filter(c => c.cluster === 'cloud'), [], 'nothing is shown as if read from it');
  assert.match(backend.logs(), /warn.*Cluster cloud uses authProvider oidc/i, 'the refusal is logged as a warning at start');
});

test('concurrent overview requests share one list call per kind per cluster', async () => {
  const before = kube.calls();
  await Promise.all(Array.from({ length: 20 }, () => api(backend.url, '/api/homelab-state/overview').then(r => r.json())));
  assert.equal(kube.calls() - before, 0, 'all served from the 30 s cache filled by the first request');
});

test('an unchanged overview is revalidated with its ETag and answered 304', async () => {
  const first = await api(backend.url, '/api/homelab-state/overview');
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag');
  assert.match(etag, /^W\/"[\w-]+"$/);
  const body = await first.json();
  assert.equal(body.staleBackupHours, 26);
  // Not through api(): a 304 is not "ok" to fetch.
  const again = await fetch(`${backend.url}/api/homelab-state/overview`, {
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'if-none-match': etag },
  });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
});

test('each failed list is logged once, as a warning naming its cluster and kind', async () => {
  await api(backend.url, '/api/homelab-state/overview').then(r => r.arrayBuffer());
  const logs = backend.logs();
  const forbidden = logs.split('\n').filter(l => l.includes('Could not list rayjobs.ray.io in cluster homelab'));
  assert.equal(forbidden.length, 1, `one warning for the forbidden kind within the TTL window:\n${forbidden.join('\n')}`);
  assert.match(forbidden[0], /warn/i);
  assert.match(forbidden[0], /ray-job/);
  assert.ok(logs.includes('Could not list clusters.postgresql.cnpg.io in cluster offsite'), 'the unreachable cluster is logged too');
});
