// The clients of bench/state-overview.mjs, in a process of their own so
// that what they cost is not mixed with the stand-in cluster or the
// orchestration. Reads one JSON job from argv, prints one JSON result.
//
//   closed loop: each client sends its next request when the previous one
//                returned (measures throughput; p95 ≈ clients × service time / cores)
//   open loop:   each client sends one request every intervalMs whatever the
//                previous one is doing, like a tab polling on a timer;
//                latency counts from the scheduled send time, so a late
//                client timer or a queue in the backend both show.
//
// Clients speak HTTP/1.1 with keep-alive and `accept-encoding: gzip`, like a
// browser; a 200 body is gunzipped and parsed, as the page would.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';

const job = JSON.parse(process.argv[2]);
const { url, token, clients, durationS, mode, intervalMs = 1000, revalidate } = job;
const agent = new Agent({ keepAlive: true, maxSockets: clients * 2 });
const target = new URL('/api/homelab-state/overview', url);

function get(etag) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' };
    if (etag) headers['if-none-match'] = etag;
    const req = request(target, { agent, headers }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 304) return resolve({ status: 304, etag });
        if (res.statusCode !== 200) return reject(new Error(`overview: ${res.statusCode} ${Buffer.concat(chunks).toString()}`));
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        JSON.parse(body.toString('utf8'));
        resolve({ status: 200, etag: res.headers.etag, bytes: raw.length });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const latencies = [];
let notModified = 0;
let bytes = 0;
const cpu0 = process.cpuUsage();
const start = performance.now();
const end = start + durationS * 1000;

async function closedClient() {
  let etag;
  while (performance.now() < end) {
    const t0 = performance.now();
    const r = await get(revalidate ? etag : undefined);
    latencies.push(performance.now() - t0);
    if (r.status === 304) notModified++;
    else bytes += r.bytes;
    etag = r.etag;
  }
}

async function openClient(i) {
  let etag;
  const pending = [];
  // Phases spread over one interval, as tabs opened at different times.
  let next = start + (i * intervalMs) / clients;
  while (next < end) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise(r => setTimeout(r, wait));
    const scheduled = next;
    pending.push(
      get(revalidate ? etag : undefined).then(r => {
        latencies.push(performance.now() - scheduled);
        if (r.status === 304) notModified++;
        else bytes += r.bytes;
        etag = r.etag ?? etag;
      }),
    );
    next += intervalMs;
  }
  await Promise.all(pending);
}

await get(); // warm the connection and the overview
await Promise.all(Array.from({ length: clients }, (_, i) => (mode === 'open' ? openClient(i) : closedClient())));
const cpu = process.cpuUsage(cpu0);
const wallS = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const pct = p => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
agent.destroy();
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    notModified,
    bytes,
    wallS,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    clientCpuMs: (cpu.user + cpu.system) / 1000,
  }),
);
