// Idle memory of the backend next to a stock `@backstage/create-app` backend
// measured the same way in the same run, and what each backend feature the
// portal adds to the stock set accounts for: the portal's backend is started
// once with everything, once with each added feature left out (its own
// `@internal/*` ones and the stock packages the stock app does not install),
// and once with all of them left out, one after the other in the same run.
//
// Each portal variant is the real index.ts with `backend.add(...)` lines
// removed, written to packages/backend/dist/bench-idle-memory/ (git-ignored,
// deleted afterwards) and started with `backstage-cli package start
// --entrypoint`, so the portal's runtime code has no switch for this. Where
// the homelab permission policy is left out, the variant gets an allow-all
// policy in its place (what the stock app installs), since the permission
// backend refuses to start without one. The stock app is generated and
// installed once into data/bench/stock-app (bench/lib/stockApp.mjs) and
// started with its own `yarn start`. Loopback only, SQLite in memory,
// bounded: every backend is stopped after its sample.
//
//   node bench/idle-memory.mjs [--warmup-seconds 60] [--port 7293] [--only stock,full,...] [--no-stock] [--group name=pkg+pkg ...]
// (uses --port and --port + 1, the latter for the inspector, loopback only)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { repoRoot, testConfigYaml } from '../e2e-tests/lib/backend.mjs';
import { CREATE_APP_VERSION, ensureStockApp } from './lib/stockApp.mjs';

const { values } = parseArgs({
  options: {
    'warmup-seconds': { type: 'string', default: '60' },
    port: { type: 'string', default: '7293' },
    only: { type: 'string' },
    'no-stock': { type: 'boolean', default: false },
    // name=pkg+pkg: also a variant with these features left out together (repeatable)
    group: { type: 'string', multiple: true, default: [] },
  },
});
const warmupMs = Number(values['warmup-seconds']) * 1000;
const port = Number(values.port);
const backendDir = join(repoRoot, 'packages/backend');
// One folder per run, so two runs side by side do not delete each other's entrypoints.
const variantDir = join(backendDir, `dist/bench-idle-memory/${process.pid}`);
const index = readFileSync(join(backendDir, 'src/index.ts'), 'utf8');

// `backend.add(import('pkg'));`, on one line or several.
const ADD = /^backend\.add\(\s*import\('([^']+)'\),?\s*\);\n/gm;
const features = [...index.matchAll(ADD)].map(m => m[1]);
const stockDir = values['no-stock'] ? undefined : ensureStockApp(repoRoot);
const stockFeatures = stockDir
  ? [...readFileSync(join(stockDir, 'packages/backend/src/index.ts'), 'utf8').matchAll(ADD)].map(m => m[1])
  : [];
// What the portal adds to the stock backend: its own features, and stock
// packages create-app does not install (without the stock app: its own only).
const added = features.filter(f => (stockDir ? !stockFeatures.includes(f) : f.startsWith('@internal/')));
const POLICY = '@internal/plugin-permission-backend-module-homelab';

// Stands in for the homelab policy when that is left out, as the stock app's allow-all module does.
const ALLOW_ALL = `backend.add(
  createBackendModule({
    pluginId: 'permission',
    moduleId: 'bench-allow-all',
    register(env) {
      env.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({ handle: async () => ({ result: AuthorizeResult.ALLOW }) });
        },
      });
    },
  }),
);
`;

function entrypointWithout(leftOut) {
  const body = index.replace(ADD, (line, pkg) =>
    leftOut.includes(pkg) ? `// left out: ${pkg}\n${pkg === POLICY ? ALLOW_ALL : ''}` : line,
  );
  if (!leftOut.includes(POLICY)) return body;
  return `import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
${body}`;
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** RSS in MiB of the backend's node processes (the ones started with --require), summed. */
function rssMiB(pgid) {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--require')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended between listing and reading
    }
  }
  return Math.round(kb / 1024);
}

const inspectPort = port + 1;

/**
 * Asks the backend's V8, over the inspector on loopback, for a full garbage
 * collection, then reads RSS and the JS heap in use. Idle RSS alone depends
 * on when V8 last gave memory back after the start-up work (the same backend
 * read 318 and 445 MiB in two runs); after a full collection what remains is
 * what the backend holds.
 */
async function afterFullGc(pgid) {
  try {
    const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
    const ws = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    let id = 0;
    const pending = new Map();
    ws.onmessage = e => {
      const msg = JSON.parse(e.data);
      pending.get(msg.id)?.(msg.result);
    };
    const call = (method, params = {}) =>
      new Promise(resolve => {
        pending.set(++id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      });
    await call('HeapProfiler.collectGarbage');
    await sleep(3000);
    await call('HeapProfiler.collectGarbage');
    await sleep(2000);
    const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    ws.close();
    const usage = JSON.parse(r.result.value);
    return { rssAfterGc: rssMiB(pgid), heapUsed: Math.round(usage.heapUsed / 1048576) };
  } catch (e) {
    console.error(`could not collect garbage through the inspector: ${e.message}`);
    return {};
  }
}

async function measure(name, leftOut) {
  const stock = name === 'stock';
  const dataDir = mkdtempSync(join(tmpdir(), `portal-idle-${name}-`));
  const config = join(dataDir, 'app-config.bench.yaml');
  writeFileSync(config, testConfigYaml({ port, database: { client: 'better-sqlite3', connection: ':memory:' }, dataDir }));
  const root = stock ? stockDir : repoRoot;
  const cwd = join(root, 'packages/backend');
  let entry = 'src/index';
  if (!stock) {
    writeFileSync(join(variantDir, `${name}.ts`), entrypointWithout(leftOut));
    entry = `dist/bench-idle-memory/${process.pid}/${name}`;
  }
  const load0 = loadavg()[0];
  // What `backstage-cli package start` runs for a backend, minus the watching
  // parent: that command always starts src/index of a backend package (its
  // --entrypoint applies to plugin packages only), so a variant is started
  // the same way directly. The stock app is started the same way, so both
  // sides are measured alike.
  const nodeTransform = createRequire(join(cwd, 'package.json')).resolve('@backstage/cli-node/config/nodeTransform.cjs');
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', `--inspect=127.0.0.1:${inspectPort}`, '--require', nodeTransform, entry, '--config', join(root, 'app-config.yaml'), '--config', config],
    {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development', ESBK_TSCONFIG_PATH: join(root, 'tsconfig.json'), FORCE_COLOR: '0' },
    },
  );
  let log = '';
  child.stdout.on('data', c => (log += c));
  child.stderr.on('data', c => (log += c));
  const t0 = Date.now();
  let ready = false;
  const running = () => child.exitCode === null && child.signalCode === null;
  while (Date.now() - t0 < 240_000 && running()) {
    try {
      ready = (await fetch(`http://127.0.0.1:${port}/.backstage/health/v1/readiness`)).ok;
    } catch {
      // not listening yet
    }
    if (ready) break;
    await sleep(1000);
  }
  const readySeconds = Math.round((Date.now() - t0) / 1000);
  let rss;
  let afterGc;
  if (ready) {
    // One sample can land on a GC peak: take the median of seven over the
    // last 30 s of the warm-up.
    await sleep(Math.max(0, warmupMs - 30_000));
    const samples = [];
    for (let i = 0; i < 7; i++) {
      samples.push(rssMiB(child.pid));
      if (i < 6) await sleep(5000);
    }
    rss = samples.sort((a, b) => a - b)[3];
    afterGc = await afterFullGc(child.pid);
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 100 && running(); i++) await sleep(100);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the whole group has ended
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (!ready) console.error(`${name}: not ready after ${readySeconds} s\n${log.slice(-3000)}`);
  return { name, leftOut, readySeconds, rss, ...afterGc, load: `${load0.toFixed(1)}–${loadavg()[0].toFixed(1)}` };
}

const short = f => f.replace('@internal/plugin-', '').replace('@backstage/plugin-', '');
const variants = [
  ...(stockDir ? [['stock', []]] : []),
  ['full', []],
  ...added.map(f => [`without-${short(f)}`, [f]]),
  ['without-all-added', added],
  ...values.group.map(g => {
    const [name, list] = g.split('=');
    return [`without-${name}`, list.split('+')];
  }),
].filter(([name]) => !values.only || values.only.split(',').includes(name));

execFileSync(process.execPath, [join(repoRoot, 'scripts/seed-gitops-checkout.mjs')], { stdio: 'inherit' });
mkdirSync(variantDir, { recursive: true });
const t0 = Date.now();
const results = [];
try {
  for (const [name, leftOut] of variants) {
    const r = await measure(name, leftOut);
    console.error(`${r.name}: ${r.rss ?? '—'} MiB (ready after ${r.readySeconds} s; load ${r.load})`);
    results.push(r);
  }
} finally {
  rmSync(variantDir, { recursive: true, force: true });
}

const full = results.find(r => r.name === 'full');
const stockRun = results.find(r => r.name === 'stock');
const x = (a, b) => (a && b ? (a / b).toFixed(2) : '—');
const d = (a, b) => (a !== undefined && b !== undefined ? b - a : '—');
console.log(`| Backend started with | Idle RSS, MiB | / stock | RSS after full GC, MiB | / stock | JS heap after GC, MiB | Saved vs full (idle / after GC / heap), MiB | Ready after, s | Load average |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  const what =
    r.name === 'stock'
      ? `stock create-app ${CREATE_APP_VERSION} backend (baseline)`
      : r.leftOut.length === 0
        ? 'the portal, everything'
        : r.leftOut.length === 1
          ? `the portal without \`${r.leftOut[0]}\``
          : r.name === 'without-all-added'
            ? `the portal without any of the ${r.leftOut.length} added features`
            : `the portal without ${r.leftOut.map(f => `\`${f}\``).join(', ')}`;
  const saved = r.name === 'stock' || !full ? '—' : `${d(r.rss, full.rss)} / ${d(r.rssAfterGc, full.rssAfterGc)} / ${d(r.heapUsed, full.heapUsed)}`;
  console.log(
    `| ${what} | ${r.rss ?? 'not ready'} | ${x(r.rss, stockRun?.rss)} | ${r.rssAfterGc ?? '—'} | ${x(r.rssAfterGc, stockRun?.rssAfterGc)} | ${r.heapUsed ?? '—'} | ${saved} | ${r.readySeconds} | ${r.load} |`,
  );
}
console.log(
  `\n${Number(values['warmup-seconds'])} s warm-up after ready, idle RSS the median of 7 samples over its last 30 s, then two full GCs through the inspector; node ${process.version}; ${new Date().toISOString().slice(0, 16)}Z; total ${Math.round((Date.now() - t0) / 60000)} min.`,
);
