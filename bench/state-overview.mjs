// Drives GET /api/homelab-state/overview of a real backend with 1, 10 and 50
// concurrent clients. The backend reads a stand-in Kubernetes API (recorded
// objects served on loopback with 50 ms latency) through the real Kubernetes
// source, so "list calls" are counted where a cluster would count them.
//
// Three backends, started together and measured one at a time in the same run:
//   baseline    today's path kept as it was: the cached reader, but the
//               overview derived and serialised on every request
//               (homelab.state.serializedOverview: false);
//   serialised  the overview derived, serialised and gzipped once per change
//               of the lists it is built from. Measured twice: clients that
//               download it in full every time, and clients that poll like
//               the overview page (If-None-Match with the last ETag, so an
//               unchanged overview is a 304): "revalidated";
//   no cache    the reader's TTL at 1 ms, for the list-call column only.
//
// Two kinds of load, both from a separate client process
// (bench/lib/overviewClients.mjs):
//   closed loop: each client sends its next request as soon as the previous
//                one returns. A throughput test: at 50 clients p95 is about
//                50 × (CPU per request) / 2 cores.
//   open loop:   50 clients, each polling every OPEN_INTERVAL_MS (1 s; the
//                page polls every 30 s, so this is 30 times denser than 50
//                open tabs), latency counted from the scheduled send time.
// Backend CPU per request (utime + stime of the backend process over the
// level, divided by requests) does not depend on how loaded the machine is.
//
//   node bench/state-overview.mjs            (after scripts/test.sh or start.sh set up the repo)
//   BENCH_PORT=7410 DURATION_S=5 OPEN_S=8 node bench/state-overview.mjs
import { execFileSync, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startBackend, TEST_TOKEN } from '../e2e-tests/lib/backend.mjs';
import { startFakeKubeApi } from '../e2e-tests/lib/fakeKubeApi.mjs';

const DURATION_S = Number(process.env.DURATION_S ?? 5);
const OPEN_S = Number(process.env.OPEN_S ?? 8);
const OPEN_INTERVAL_MS = Number(process.env.OPEN_INTERVAL_MS ?? 1000);
const PORT = Number(process.env.BENCH_PORT ?? 7207);
const TTL_S = 2;
const LEVELS = [1, 10, 50];
const OPEN_CLIENTS = 50;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

const sleep = ms => new Promise(r => setTimeout(r, ms));
const load = () => loadavg()[0].toFixed(1);

/** CPU ms used so far by the backend's node processes (the ones started with --require) in a process group. */
function backendCpuMs(pgid) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) !== pgid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--require')) continue;
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // ended between listing and reading
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

/** Waits until every backend uses under 10 % of a core (start-up work done: catalog, search), at most 90 s. */
async function waitQuiet(backends) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const before = backends.map(b => backendCpuMs(b.pid));
    await sleep(3000);
    const busy = backends.map((b, i) => (backendCpuMs(b.pid) - before[i]) / 3000);
    if (busy.every(x => x < 0.1)) return;
  }
  console.error('backends still busy after 90 s; measuring anyway');
}

function clients(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'lib/overviewClients.mjs'), JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', c => (out += c));
    child.on('exit', code => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`clients exited with ${code}`))));
  });
}

const kube = await startFakeKubeApi({ folder: join(repoRoot, 'examples/cluster-snapshot'), latencyMs: 50, token: 'bench-token' });

function backendWith(label, port, { ttlSeconds, serializedOverview }) {
  return startBackend({
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
}

async function level(backend, job) {
  const calls0 = kube.calls();
  const cpu0 = backendCpuMs(backend.pid);
  const load0 = load();
  const r = await clients({ url: backend.url, token: TEST_TOKEN, ...job });
  const backendCpu = backendCpuMs(backend.pid) - cpu0;
  return {
    ...r,
    ...job,
    load: `${load0}–${load()}`,
    backendCpuPerRequest: backendCpu / r.requests,
    clientCpuPerRequest: r.clientCpuMs / r.requests,
    callsPerWindow: (kube.calls() - calls0) / (r.wallS / TTL_S),
  };
}

const t0 = Date.now();
const [baseline, serialized, uncached] = await Promise.all([
  backendWith('baseline', PORT, { ttlSeconds: TTL_S, serializedOverview: false }),
  backendWith('serialized', PORT + 1, { ttlSeconds: TTL_S, serializedOverview: true }),
  backendWith('uncached', PORT + 2, { ttlSeconds: 0.001, serializedOverview: false }),
]);
const closed = { baseline: [], serialized: [], revalidated: [], uncached: [] };
const open = {};
try {
  await waitQuiet([baseline, serialized, uncached]);
  console.error(`backends ready and quiet after ${Math.round((Date.now() - t0) / 1000)} s; load ${load()}`);
  for (const clientsN of LEVELS) {
    const job = { clients: clientsN, durationS: DURATION_S, mode: 'closed' };
    closed.baseline.push(await level(baseline, { ...job, revalidate: false }));
    closed.serialized.push(await level(serialized, { ...job, revalidate: false }));
    closed.revalidated.push(await level(serialized, { ...job, revalidate: true }));
    closed.uncached.push(await level(uncached, { ...job, durationS: Math.min(DURATION_S, 4), revalidate: false }));
    console.error(`closed loop, ${clientsN} clients done; load ${load()}`);
  }
  const job = { clients: OPEN_CLIENTS, durationS: OPEN_S, mode: 'open', intervalMs: OPEN_INTERVAL_MS };
  open.baseline = await level(baseline, { ...job, revalidate: false });
  open.serialized = await level(serialized, { ...job, revalidate: false });
  open.revalidated = await level(serialized, { ...job, revalidate: true });
  console.error(`open loop done; load ${load()}`);
} finally {
  await Promise.all([baseline.stop(), serialized.stop(), uncached.stop()]);
  await kube.close();
}

const f = n => n.toFixed(1);
const cpu = r => r.backendCpuPerRequest.toFixed(2);
const share = r => `${Math.round((100 * r.notModified) / r.requests)} %`;
console.log(`Closed loop, ${DURATION_S} s per cell (p50 / p95 ms; backend CPU ms per request in brackets):\n`);
console.log('| Clients | baseline (derive per request) | serialised once, full download | revalidated (304 share) | p95 baseline / revalidated | Requests: baseline / serialised / revalidated | List calls per 2 s window: cached / no cache | Load average |');
console.log('|---|---|---|---|---|---|---|---|');
LEVELS.forEach((n, i) => {
  const b = closed.baseline[i];
  const s = closed.serialized[i];
  const r = closed.revalidated[i];
  const u = closed.uncached[i];
  console.log(
    `| ${n} | ${f(b.p50)} / ${f(b.p95)} (${cpu(b)}) | ${f(s.p50)} / ${f(s.p95)} (${cpu(s)}) | ${f(r.p50)} / ${f(r.p95)} (${cpu(r)}; ${share(r)}) | ${(b.p95 / r.p95).toFixed(1)} | ${b.requests} / ${s.requests} / ${r.requests} | ${f(r.callsPerWindow)} / ${f(u.callsPerWindow)} | ${b.load}, ${r.load} |`,
  );
});
console.log(`\nOpen loop: ${OPEN_CLIENTS} clients, each polling every ${OPEN_INTERVAL_MS} ms for ${OPEN_S} s (latency from the scheduled send time):\n`);
console.log('| Path | p50 ms | p95 ms | p99 ms | Requests | 304 share | Backend CPU ms / request | Client CPU ms / request | KiB sent | Load average |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [name, r] of [['baseline (derive per request)', open.baseline], ['serialised once, full download', open.serialized], ['revalidated (If-None-Match)', open.revalidated]]) {
  console.log(`| ${name} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.requests} | ${share(r)} | ${cpu(r)} | ${r.clientCpuPerRequest.toFixed(2)} | ${Math.round(r.bytes / 1024)} | ${r.load} |`);
}
console.log(`\n12 kinds read per overview; cluster latency 50 ms per list call; node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; total ${Math.round((Date.now() - t0) / 1000)} s.`);
