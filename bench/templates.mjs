// Times the homelab templates through a real backend's scaffolder REST API,
// as a user (guest token), against a fresh git checkout of the example repo:
//   - dry-run time per template (target: at most 2 s each), next to a stock
//     one-step template (debug:log) dry-run measured the same way, same run;
//   - time from merging a created app's branch to the app being in the catalog
//     (discovery refresh every 30 s, as in app-config.yaml).
//
//   node bench/templates.mjs        (after scripts/start.sh or test.sh set up the repo)
//   BENCH_TEMPLATES_PORT=7232 RUNS=5
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { repoRoot, startBackend } from '../e2e-tests/lib/backend.mjs';

const port = Number(process.env.BENCH_TEMPLATES_PORT ?? 7232);
const RUNS = Number(process.env.RUNS ?? 5);
const tmp = mkdtempSync(join(tmpdir(), 'bench-templates-'));
const checkout = join(tmp, 'homelab-gitops');
execFileSync(process.execPath, [join(repoRoot, 'scripts/seed-gitops-checkout.mjs'), checkout]);

const base = { owner: 'user:default/guest' };
const CASES = {
  'web-app': { ...base, name: 'notes', domain: 'domain:default/productivity', image: 'ghcr.io/example/notes:2.1.0', hostname: 'notes.homelab.example', ingressClass: 'resource:default/haproxy', replicas: 2, storageSize: '2Gi', mountPath: '/data' },
  'app-with-postgres': { ...base, name: 'wiki', domain: 'domain:default/productivity', image: 'ghcr.io/example/wiki:1.4.0', hostname: 'wiki.homelab.example', postgresCluster: 'resource:default/pg-productivity' },
  'app-with-cache': { ...base, name: 'worker', domain: 'domain:default/media', image: 'ghcr.io/example/worker:0.3.1', hostname: 'worker.homelab.example', cache: 'resource:default/valkey-queue' },
  'static-site': { ...base, name: 'blog', domain: 'domain:default/web', image: 'ghcr.io/example/blog:1.0.0', hostname: 'blog.homelab.example' },
  'ray-workload': { ...base, name: 'embed-job', domain: 'domain:default/ai', workload: 'ray-job', gpu: false },
  'platform-component': { ...base, name: 'dex', domain: 'domain:default/platform', category: 'security' },
};
const template = name => ({ ...parse(readFileSync(join(repoRoot, 'templates', name, 'template.yaml'), 'utf8')) });
const stock = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'stock-debug-log' },
  spec: { owner: 'group:admins', type: 'service', parameters: [], steps: [{ id: 'log', action: 'debug:log', input: { message: 'hello' } }] },
};

const backend = await startBackend({
  port,
  name: 'bench-templates',
  database: { client: 'better-sqlite3', connection: ':memory:' },
  extraConfig: {
    homelab: {
      gitops: {
        sources: [{ id: 'homelab-gitops', path: checkout, schedule: { frequency: { seconds: 30 }, timeout: { minutes: 3 }, initialDelay: { seconds: 3 } } }],
      },
    },
  },
});
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  // A user token, as the browser gets it (guest sign-in of the embedded default).
  const session = await (await fetch(`${backend.url}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } })).json();
  const headers = { authorization: `Bearer ${session.backstageIdentity.token}`, 'content-type': 'application/json' };
  const dryRun = async (tpl, values) => {
    const t0 = performance.now();
    const res = await fetch(`${backend.url}/api/scaffolder/v2/dry-run`, { method: 'POST', headers, body: JSON.stringify({ template: tpl, values, directoryContents: [] }) });
    const body = await res.json();
    if (!res.ok || body.steps?.some(s => s.status === 'failed')) throw new Error(`dry-run ${tpl.metadata.name}: ${res.status} ${JSON.stringify(body).slice(0, 800)}`);
    return performance.now() - t0;
  };
  const time = async (tpl, values) => {
    await dryRun(tpl, values);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await dryRun(tpl, values));
    return median(runs);
  };
  const baseline = await time(stock, {});
  const rows = [];
  for (const [name, values] of Object.entries(CASES)) rows.push({ name, ms: await time(template(name), values) });

  // A real task, merged, until discovery catalogs the app.
  const created = await (await fetch(`${backend.url}/api/scaffolder/v2/tasks`, { method: 'POST', headers, body: JSON.stringify({ templateRef: 'template:default/homelab-web-app', values: { ...CASES['web-app'], name: 'bench-notes', hostname: 'bench-notes.homelab.example' } }) })).json();
  let status;
  for (let i = 0; i < 600 && !['completed', 'failed'].includes(status); i++) {
    status = (await (await fetch(`${backend.url}/api/scaffolder/v2/tasks/${created.id}`, { headers })).json()).status;
    await new Promise(r => setTimeout(r, 100));
  }
  if (status !== 'completed') throw new Error(`task ${created.id} ${status}`);
  const branch = execFileSync('git', ['branch', '--format=%(refname:short)', '--no-merged', 'main'], { cwd: checkout }).toString().trim();
  const t0 = performance.now();
  execFileSync(join(repoRoot, 'scripts/merge-app-branch.sh'), [branch], { env: { ...process.env, GITOPS_CHECKOUT: checkout } });
  let seen;
  for (let i = 0; i < 1200 && !seen; i++) {
    const res = await fetch(`${backend.url}/api/catalog/entities/by-name/component/default/bench-notes`, { headers });
    if (res.ok) seen = performance.now() - t0;
    else await new Promise(r => setTimeout(r, 100));
  }
  console.log('| Template | Dry-run median ms | Ratio to stock debug:log dry-run | Target ≤ 2000 ms |');
  console.log('|---|---|---|---|');
  console.log(`| stock one-step template (debug:log), baseline | ${baseline.toFixed(0)} | 1.0 | |`);
  for (const r of rows) console.log(`| ${r.name} | ${r.ms.toFixed(0)} | ${(r.ms / baseline).toFixed(1)} | ${r.ms <= 2000 ? 'met' : 'missed'} |`);
  console.log(`\nMerge to catalog: ${seen ? (seen / 1000).toFixed(1) : 'not seen within 120'} s (discovery refresh every 30 s). ${RUNS} runs per template after one warm-up; user (guest) token; node ${process.version}.`);
} finally {
  await backend.stop();
  rmSync(tmp, { recursive: true, force: true });
}
