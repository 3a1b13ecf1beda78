// Live state through the real Kubernetes source: a stand-in API server on
// loopback serves the recorded example cluster (one kind forbidden), and a
// second configured cluster is unreachable. The portal must show what it can
// and say precisely what it cannot.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { api, repoRoot, startBackend } from './lib/backend.mjs';
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
  assert.deepEqual(overview.clusters, ['homelab', 'offsite']);
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

test('concurrent overview requests share one list call per kind per cluster', async () => {
  const before = kube.calls();
  await Promise.all(Array.from({ length: 20 }, () => api(backend.url, '/api/homelab-state/overview').then(r => r.json())));
  assert.equal(kube.calls() - before, 0, 'all served from the 30 s cache filled by the first request');
});
