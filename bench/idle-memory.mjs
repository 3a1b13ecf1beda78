// Idle memory of the backend, and what each of the portal's own backend
// features accounts for: the backend is started once with everything, once
// with each `@internal/*` feature of packages/backend/src/index.ts left out,
// and once with all of them left out (the stock plugin set plus the stock
// additions the portal keeps), one after the other in the same run.
//
// Each variant is the real index.ts with `backend.add(...)` lines removed,
// written to packages/backend/dist/bench-idle-memory/ (git-ignored, deleted
// afterwards) and started with `backstage-cli package start --entrypoint`,
// so the portal's runtime code has no switch for this. Loopback only, SQLite
// in memory, bounded: every variant is stopped after its sample.
//
//   node bench/idle-memory.mjs [--warmup-seconds 45] [--port 7293] [--only full,none]
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, testConfigYaml } from '../e2e-tests/lib/backend.mjs';

const { values } = parseArgs({
  options: {
    'warmup-seconds': { type: 'string', default: '45' },
    port: { type: 'string', default: '7293' },
    only: { type: 'string' },
  },
});
const warmupMs = Number(values['warmup-seconds']) * 1000;
const port = Number(values.port);
const backendDir = join(repoRoot, 'packages/backend');
const variantDir = join(backendDir, 'dist/bench-idle-memory');
const index = readFileSync(join(backendDir, 'src/index.ts'), 'utf8');

// `backend.add(import('pkg'));`, on one line or several.
const ADD = /^backend\.add\(\s*import\('([^']+)'\),?\s*\);\n/gm;
const features = [...index.matchAll(ADD)].map(m => m[1]);
const own = features.filter(f => f.startsWith('@internal/'));

function entrypointWithout(leftOut) {
  return index.replace(ADD, (line, pkg) => (leftOut.includes(pkg) ? `// left out: ${pkg}\n` : line));
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

async function measure(name, leftOut) {
  const file = join(variantDir, `${name}.ts`);
  writeFileSync(file, entrypointWithout(leftOut));
  const dataDir = mkdtempSync(join(tmpdir(), `portal-idle-${name}-`));
  const config = join(dataDir, 'app-config.bench.yaml');
  writeFileSync(config, testConfigYaml({ port, database: { client: 'better-sqlite3', connection: ':memory:' }, dataDir }));
  const child = spawn(
    'yarn',
    ['backstage-cli', 'package', 'start', '--entrypoint', `dist/bench-idle-memory/${name}`, '--config', join(repoRoot, 'app-config.yaml'), '--config', config],
    { cwd: backendDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
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
  return { name, leftOut, readySeconds, rss };
}

const variants = [
  ['full', []],
  ...own.map(f => [`without-${f.replace('@internal/plugin-', '')}`, [f]]),
  ['without-all-own', own],
].filter(([name]) => !values.only || values.only.split(',').includes(name));

execFileSync(process.execPath, [join(repoRoot, 'scripts/seed-gitops-checkout.mjs')], { stdio: 'inherit' });
mkdirSync(variantDir, { recursive: true });
const results = [];
try {
  for (const [name, leftOut] of variants) {
    const r = await measure(name, leftOut);
    console.error(`${r.name}: ${r.rss ?? '—'} MiB (ready after ${r.readySeconds} s)`);
    results.push(r);
  }
} finally {
  rmSync(variantDir, { recursive: true, force: true });
}

const full = results.find(r => r.name === 'full')?.rss;
console.log(`| Backend started with | Idle RSS, MiB | Saved vs full, MiB | / full |`);
console.log(`|---|---|---|---|`);
for (const r of results) {
  const saved = full && r.rss ? full - r.rss : '—';
  const ratio = full && r.rss ? (r.rss / full).toFixed(2) : '—';
  const what = r.leftOut.length === 0 ? 'everything' : r.leftOut.length === 1 ? `everything except \`${r.leftOut[0]}\`` : `none of the ${r.leftOut.length} \`@internal/*\` features`;
  console.log(`| ${what} | ${r.rss ?? 'not ready'} | ${saved} | ${ratio} |`);
}
