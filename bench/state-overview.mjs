// Drives GET /api/homelab-state/overview of a real backend with 1, 10 and 50
// concurrent clients. The backend reads a stand-in Kubernetes API (recorded
// objects served on loopback with 50 ms latency) through the real Kubernetes
// source, so "list calls" are counted where a cluster would count them.
//
// Three runs, measured in the same process run against the same stand-in:
//   baseline    today's path kept as it was: the cached reader, but the
//               overview derived and serialised on every request
//               (homelab.state.serializedOverview: false);
//   serialized  the overview derived and serialised once per change of the
//               lists it is built from, every client downloading it in full;
//   revalidated the same, with clients polling like the overview page does
//               (If-None-Match with the last ETag, so unchanged polls get 304).
// Plus the reader with the cache effectively off (TTL 1 ms), for list calls.
//
// Reports p50/p95 latency, requests served and Kubernetes list calls per TTL
// window. Bounded: each level runs DURATION_S seconds against 127.0.0.1 only.
//
//   node bench/state-overview.mjs            (after scripts/test.sh or start.sh set up the repo)
//   BENCH_PORT=7243 DURATION_S=10 node bench/state-overview.mjs
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot, startBackend, TEST_TOKEN } from '../e2e-tests/lib/backend.mjs';
import { startFakeKubeApi } from '../e2e-tests/lib/fakeKubeApi.mjs';

const DURATION_S = Number(process.env.DURATION_S ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 7207);
const TTL_S = 2;
const LEVELS = [1, 10, 50];

const kube = await startFakeKubeApi({ folder: join(repoRoot, 'examples/cluster-snapshot'), latencyMs: 50, token: 'bench-token' });

async function run(label, { ttlSeconds, serializedOverview, revalidate, port }) {
  const backend = await startBackend({
    port,
    name: `bench-${label}`,
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: {
      homelab: { state: { source: 'kubernetes', cacheTtlSeconds: ttlSeconds, requestTimeoutSeconds: 10, serializedOverview } },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [{ type: 'config', clusters: [{ name: 'bench', url: kube.url, authProvider: 'serviceAccount', serviceAccountToken: 'bench-token', skipTLSVerify: true }] }],
      },
    },
  });
  const rows = [];
  try {
    // One client = one browser tab: it remembers the last ETag it saw.
    const client = () => {
      let etag;
      return async () => {
        const headers = { authorization: `Bearer ${TEST_TOKEN}` };
        if (revalidate && etag) headers['if-none-match'] = etag;
        const t0 = performance.now();
        const res = await fetch(`${backend.url}/api/homelab-state/overview`, { headers });
        if (res.status === 304) {
          await res.arrayBuffer();
          return { ms: performance.now() - t0, notModified: true };
        }
        if (!res.ok) throw new Error(`overview: ${res.status} ${await res.text()}`);
        await res.json();
        etag = res.headers.get('etag') ?? undefined;
        return { ms: performance.now() - t0, notModified: false };
      };
    };
    await client()(); // warm up: first list of every kind
    for (const clients of LEVELS) {
      const latencies = [];
      let notModified = 0;
      const before = kube.calls();
      const end = performance.now() + DURATION_S * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          const get = client();
          while (performance.now() < end) {
            const r = await get();
            latencies.push(r.ms);
            if (r.notModified) notModified++;
          }
        }),
      );
      const calls = kube.calls() - before;
      latencies.sort((a, b) => a - b);
      const pct = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      rows.push({ label, clients, requests: latencies.length, notModified, p50: pct(50), p95: pct(95), callsPerWindow: calls / (DURATION_S / TTL_S) });
    }
  } finally {
    await backend.stop();
  }
  return rows;
}

const baseline = await run('baseline', { ttlSeconds: TTL_S, serializedOverview: false, revalidate: false, port: PORT });
const serialized = await run('serialized', { ttlSeconds: TTL_S, serializedOverview: true, revalidate: false, port: PORT });
const revalidated = await run('revalidated', { ttlSeconds: TTL_S, serializedOverview: true, revalidate: true, port: PORT });
const uncached = await run('uncached', { ttlSeconds: 0.001, serializedOverview: false, revalidate: false, port: PORT });
await kube.close();

const f = n => n.toFixed(1);
console.log(`| Clients | p50 / p95 ms, baseline (derive per request) | p50 / p95 ms, serialised once | p50 / p95 ms, revalidated (304 share) | p95 ratio baseline / revalidated | Requests in ${DURATION_S} s: baseline / serialised / revalidated | List calls per ${TTL_S} s window: cached / no cache |`);
console.log('|---|---|---|---|---|---|---|');
for (let i = 0; i < LEVELS.length; i++) {
  const b = baseline[i];
  const s = serialized[i];
  const r = revalidated[i];
  const u = uncached[i];
  console.log(
    `| ${b.clients} | ${f(b.p50)} / ${f(b.p95)} | ${f(s.p50)} / ${f(s.p95)} | ${f(r.p50)} / ${f(r.p95)} (${Math.round((100 * r.notModified) / r.requests)} % 304) | ${(b.p95 / r.p95).toFixed(1)} | ${b.requests} / ${s.requests} / ${r.requests} | ${f(r.callsPerWindow)} / ${f(u.callsPerWindow)} |`,
  );
}
console.log(`\n12 kinds read per overview; cluster latency 50 ms per list call; ${DURATION_S} s per level; node ${process.version}.`);
