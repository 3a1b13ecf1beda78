// Drives GET /api/homelab-state/overview of a real backend with 1, 10 and 50
// concurrent clients. The backend reads a stand-in Kubernetes API (recorded
// objects served on loopback with 50 ms latency) through the real Kubernetes
// source, so "list calls" are counted where a cluster would count them.
//
// Reports p50/p95 latency and Kubernetes list calls per TTL window per
// concurrency, for the portal's cached reader and for a baseline with the cache
// effectively off (TTL 1 ms), measured in the same run. Bounded: each level
// runs for DURATION_S seconds against 127.0.0.1 only.
//
//   node bench/state-overview.mjs            (after scripts/test.sh or start.sh set up the repo)
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot, startBackend, TEST_TOKEN } from '../e2e-tests/lib/backend.mjs';
import { startFakeKubeApi } from '../e2e-tests/lib/fakeKubeApi.mjs';

const DURATION_S = Number(process.env.DURATION_S ?? 10);
const TTL_S = 2;
const LEVELS = [1, 10, 50];

const kube = await startFakeKubeApi({ folder: join(repoRoot, 'examples/cluster-snapshot'), latencyMs: 50, token: 'bench-token' });

async function run(label, ttlSeconds, port) {
  const backend = await startBackend({
    port,
    name: `bench-${label}`,
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: {
      homelab: { state: { source: 'kubernetes', cacheTtlSeconds: ttlSeconds, requestTimeoutSeconds: 10 } },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [{ type: 'config', clusters: [{ name: 'bench', url: kube.url, authProvider: 'serviceAccount', serviceAccountToken: 'bench-token', skipTLSVerify: true }] }],
      },
    },
  });
  const rows = [];
  try {
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${backend.url}/api/homelab-state/overview`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
      if (!res.ok) throw new Error(`overview: ${res.status} ${await res.text()}`);
      await res.json();
      return performance.now() - t0;
    };
    await get(); // warm up: first list of every kind
    for (const clients of LEVELS) {
      const latencies = [];
      const before = kube.calls();
      const end = performance.now() + DURATION_S * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < end) latencies.push(await get());
        }),
      );
      const calls = kube.calls() - before;
      latencies.sort((a, b) => a - b);
      const pct = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      rows.push({
        label,
        clients,
        requests: latencies.length,
        p50: pct(50),
        p95: pct(95),
        callsPerWindow: calls / (DURATION_S / TTL_S),
      });
    }
  } finally {
    await backend.stop();
  }
  return rows;
}

const cached = await run('cached', TTL_S, 7207);
const uncached = await run('uncached', 0.001, 7208);
await kube.close();

const kinds = 12;
console.log(`| Clients | Requests (cached) | p50 / p95 ms (cached) | List calls per ${TTL_S} s window (cached) | p95 ms (no cache) | List calls per ${TTL_S} s window (no cache) | Calls ratio no-cache / cached |`);
console.log('|---|---|---|---|---|---|---|');
for (let i = 0; i < LEVELS.length; i++) {
  const c = cached[i];
  const u = uncached[i];
  console.log(
    `| ${c.clients} | ${c.requests} | ${c.p50.toFixed(1)} / ${c.p95.toFixed(1)} | ${c.callsPerWindow.toFixed(1)} | ${u.p95.toFixed(1)} | ${u.callsPerWindow.toFixed(1)} | ${(u.callsPerWindow / Math.max(c.callsPerWindow, 0.1)).toFixed(1)} |`,
  );
}
console.log(`\n${kinds} kinds read per overview; cluster latency 50 ms per list call; ${DURATION_S} s per level; node ${process.version}.`);
