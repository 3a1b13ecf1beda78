// Time to catalog: what a user waits for after pointing the portal at a
// GitOps repo. Starts the real backend (packages/backend, the way
// scripts/start.sh does) on a synthetic repo of APPS apps and measures, from
// the backend being ready:
//   - provider: until GitOps discovery has handed its full mutation to the
//     catalog (the provider's own log line, which carries the entity count N);
//   - served: until GET /api/catalog/entities/by-query serves all N + the
//     org file's entities, i.e. after Backstage's processing and stitching;
//   - the backend's peak RSS (largest process of the backend, from /proc).
// On SQLite (a file database in a temp dir) and/or PostgreSQL
// (POSTGRES_* env, default 127.0.0.1:5432 with trust auth; databases with a
// unique prefix, dropped after).
//
// Bounded: each run gives up after TIMEOUT_S; only 127.0.0.1/localhost.
//
//   node bench/time-to-catalog.mjs                       APPS=5000 DATABASES=sqlite,pg
//   CATALOG_CONFIG=stock node bench/time-to-catalog.mjs  Backstage's defaults for
//                                                        the catalog keys the portal sets
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, repoRoot, testConfigYaml } from '../e2e-tests/lib/backend.mjs';
import { pgTestDatabases } from '../e2e-tests/lib/postgres.mjs';
import { generateSyntheticRepo } from './lib/syntheticGitOpsRepo.mjs';

const APPS = Number(process.env.APPS ?? 5000);
const DATABASES = (process.env.DATABASES ?? 'sqlite,pg').split(',');
const TIMEOUT_S = Number(process.env.TIMEOUT_S ?? 900);
// Seconds to watch the backend's CPU once every entity is served (0: skip).
const IDLE_S = Number(process.env.IDLE_S ?? 0);
const PORT = Number(process.env.BENCH_CATALOG_PORT ?? 7221);
const CATALOG_CONFIG = process.env.CATALOG_CONFIG ?? 'portal';
const pgDatabases = pgTestDatabases('bench_ttc');

const orgFile = join(repoRoot, 'examples/org.yaml');
// The org file's entities plus the Location entity its config location makes.
const orgEntities = readFileSync(orgFile, 'utf8').match(/^kind:/gm).length + 1;

/** Catalog keys as Backstage ships them, to compare against the portal's app-config.yaml. */
const STOCK_CATALOG = { processingInterval: { seconds: 100 } };

function backendRss(marker) {
  let max = 0;
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      max = Math.max(max, kb * 1024);
    } catch {
      // gone meanwhile
    }
  }
  return max;
}

/**
 * Starts packages/backend like `yarn start` does (Backstage's TypeScript
 * transform, the same config files) but without the CLI's file watcher, so
 * editing the worktree cannot restart the backend in the middle of a run.
 */
async function startBackend({ port, database, name, extraConfig }) {
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  const configFile = join(dir, 'app-config.test.yaml');
  writeFileSync(configFile, testConfigYaml({ port, database, dataDir: dir, extraConfig }));
  const url = `http://localhost:${port}`;
  let output = '';
  let exited = false;
  const child = spawn(
    process.execPath,
    ['--require', '@backstage/cli/config/nodeTransform.cjs', 'src/index', '--config', join(repoRoot, 'app-config.yaml'), '--config', configFile],
    { cwd: join(repoRoot, 'packages/backend'), env: { ...process.env, FORCE_COLOR: '0', NODE_ENV: 'development' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', c => (output += c));
  child.stderr.on('data', c => (output += c));
  child.on('exit', () => (exited = true));
  const stop = async () => {
    if (exited) return;
    process.kill(-child.pid, 'SIGTERM');
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${url}/.backstage/health/v1/readiness`)).ok) return { url, stop, logs: () => output, dir };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`${name} was not ready within 180 s:\n${output.slice(-4000)}`);
}

/** CPU seconds used so far by the backend's processes. */
function backendCpuSeconds(marker) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

async function run(database, repoDir) {
  const sqliteDir = mkdtempSync(join(tmpdir(), 'bench-ttc-sqlite-'));
  const db =
    database === 'pg'
      ? pgDatabases.perPluginDatabases()
      : { client: 'better-sqlite3', connection: { directory: sqliteDir } };
  const t0 = performance.now();
  const backend = await startBackend({
    port: PORT,
    name: `bench-ttc-${database}`,
    database: db,
    extraConfig: {
      catalog: {
        ...(CATALOG_CONFIG === 'stock' ? STOCK_CATALOG : {}),
        locations: [{ type: 'file', target: orgFile, rules: [{ allow: ['User', 'Group'] }] }],
      },
      homelab: { gitops: { owner: 'group:admins', sources: [{ id: 'bench', path: repoDir, schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 1 } } }] } },
    },
  });
  const readyAt = performance.now();
  const marker = backend.dir;
  const timeline = [];
  let peakRss = 0;
  let providerAt;
  let providerEntities;
  let servedAt;
  let served = 0;
  let rejected = 0;
  // The machine is shared: CPU seconds of the backend say more than wall time.
  let providerCpuS;
  let servedCpuS;
  try {
    const deadline = readyAt + TIMEOUT_S * 1000;
    let nextSample = readyAt;
    while (performance.now() < deadline) {
      peakRss = Math.max(peakRss, backendRss(marker));
      if (!providerAt) {
        const m = /GitOps repo bench \([^)]*\): (\d+) entities/.exec(backend.logs());
        if (m) {
          providerAt = performance.now();
          providerCpuS = backendCpuSeconds(marker);
          providerEntities = Number(m[1]);
        }
        if (/GitOps discovery of bench .* failed/.test(backend.logs())) throw new Error(`discovery failed:\n${backend.logs().slice(-3000)}`);
      }
      try {
        const res = await api(backend.url, '/api/catalog/entities/by-query?limit=1&fields=kind');
        served = (await res.json()).totalItems;
      } catch {
        // the catalog answers once its router is up
      }
      const now = performance.now();
      if (now >= nextSample) {
        timeline.push({ s: Math.round((now - readyAt) / 1000), served, rssMiB: Math.round(backendRss(marker) / 2 ** 20) });
        nextSample = now + 10_000;
      }
      // Entities the catalog refuses (policy or validation errors) are never served.
      rejected = new Set([...backend.logs().matchAll(/(?:Policy check failed for|Processing of) ([a-z]+:[^\s;]+)/gi)].map(m => m[1])).size;
      if (providerEntities && served >= providerEntities + orgEntities - rejected) {
        servedAt = now;
        servedCpuS = backendCpuSeconds(marker);
        break;
      }
      await sleep(1000);
    }
    // After the fill: what the catalog keeps costing with nothing changing
    // (reprocessing every entity each catalog.processingInterval).
    let idleCpuPct;
    if (servedAt && IDLE_S > 0) {
      const cpu0 = backendCpuSeconds(marker);
      const w0 = performance.now();
      await sleep(IDLE_S * 1000);
      idleCpuPct = (100 * (backendCpuSeconds(marker) - cpu0)) / ((performance.now() - w0) / 1000);
    }
    const res = await api(backend.url, '/api/catalog/entity-facets?facet=kind');
    const byKind = Object.fromEntries((await res.json()).facets.kind.map(f => [f.value, f.count]));
    if (!servedAt) {
      const problems = backend.logs().split('\n').filter(l => /\b(warn|error)\b/i.test(l));
      console.error(`# not all served; backend warnings and errors:\n${problems.slice(0, 20).join('\n')}`);
    }
    return {
      database,
      catalogConfig: CATALOG_CONFIG,
      startS: (readyAt - t0) / 1000,
      providerS: providerAt ? (providerAt - readyAt) / 1000 : undefined,
      servedS: servedAt ? (servedAt - readyAt) / 1000 : undefined,
      catalogAfterProviderS: servedAt && providerAt ? (servedAt - providerAt) / 1000 : undefined,
      entities: providerEntities,
      served,
      rejected,
      expected: providerEntities ? providerEntities + orgEntities - rejected : undefined,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      idleCpuPct,
      providerCpuS,
      servedCpuS,
      byKind,
      timeline,
    };
  } finally {
    await backend.stop();
    rmSync(sqliteDir, { recursive: true, force: true });
    rmSync(backend.dir, { recursive: true, force: true });
    if (database === 'pg') await pgDatabases.dropAll();
  }
}

const repoDir = mkdtempSync(join(tmpdir(), `bench-ttc-repo-${APPS}-`));
try {
  const repo = generateSyntheticRepo(repoDir, APPS);
  console.error(`# synthetic repo: ${JSON.stringify(repo)}; catalog config: ${CATALOG_CONFIG}`);
  const results = [];
  for (const database of DATABASES) {
    const r = await run(database, repoDir);
    console.error(`# ${database}: ${JSON.stringify(r)}`);
    results.push(r);
  }
  const f = x => (x === undefined ? `> ${TIMEOUT_S}` : x.toFixed(1));
  console.log(`Apps: ${APPS}; catalog config: ${CATALOG_CONFIG}`);
  console.log('| Database | Entities served (rejected by the catalog) | Provider done, s (backend CPU s) | All served, s (backend CPU s) | Catalog after provider, s | Peak backend RSS, MiB | Backend CPU after the fill, % of a core |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.database} | ${r.served} of ${r.expected ?? '?'} (${r.rejected}) | ${f(r.providerS)} (${r.providerCpuS?.toFixed(0) ?? '-'}) | ${f(r.servedS)} (${r.servedCpuS?.toFixed(0) ?? '-'}) | ${f(r.catalogAfterProviderS)} | ${r.peakRssMiB} | ${r.idleCpuPct === undefined ? '-' : `${r.idleCpuPct.toFixed(0)} (${IDLE_S} s)`} |`);
  }
} finally {
  rmSync(repoDir, { recursive: true, force: true });
}
// Open keep-alive sockets must not hold the process once the results are out.
process.exit(0);
