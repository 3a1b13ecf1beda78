// Two replicas on one PostgreSQL, as the deployment runs them: two backend
// processes on the machine's PostgreSQL (one database, one schema per
// plugin), discovering a git checkout of their own. Both serve reads; every
// scheduled task of the backend is listed from both replicas and its runs
// counted: the global ones run once per interval across both (the
// scheduler's lock rows in the database). Then the repo changes (many apps
// changed and added, one removed), and the replica that writes that change
// is killed (SIGKILL) in the middle of the write, while each replica runs a
// scaffolder task: the other takes the discovery over once the dead run's
// lock times out, the catalog ends with exactly the changed repo's entities,
// and the task history is kept. Then a PostgreSQL restart, against a
// PostgreSQL this test starts itself (never the shared one).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, repoRoot, startBackend, TEST_TOKEN, waitForEntities } from './lib/backend.mjs';
import { pgQuery, pgSkipReason, pgTestDatabases } from './lib/postgres.mjs';

const PORT_A = Number(process.env.E2E_REPLICAS_PORT_A ?? 7264);
const PORT_B = Number(process.env.E2E_REPLICAS_PORT_B ?? 7265);
const PG_PORT = Number(process.env.E2E_REPLICAS_OWN_PG_PORT ?? 55433);
const databases = pgTestDatabases('replicas');
let DB;
const INTERVAL_S = 4;
// Short enough to wait out in a test, long enough for one run on a busy
// machine (a run past it would be freed by the janitor while still going).
const LOCK_TIMEOUT_S = 15;
// The scheduler's janitor frees expired locks once a minute (Backstage's
// fixed `waitBetweenRuns`), so a dead run's lock is free within timeout + 60 s.
const JANITOR_S = 60;
const COLLATOR_INTERVAL_S = 8;
const SCAFFOLDER_JANITOR_S = 8;
const PROVIDER = 'homelab-gitops:homelab-gitops';
const DISCOVERY_TASK = `${PROVIDER}:refresh`;
// Apps the checkout holds from the start and the change rewrites (an upsert
// each, row by row in the write's transaction: what makes the write last
// long enough to be caught), and apps the change adds.
const CHANGED_APPS = 200;
const ADDED_APPS = 100;
const app = i => `bulk-${String(i).padStart(3, '0')}`;
// Debug lines of the GitOps provider: one per discovery run.
const RUN_LINE = /GitOps repo .* (unchanged; nothing to do|: \d+ entities from)/g;
const WRITING = /GitOps repo .* changed: writing (\d+) entities/g;
const WROTE = /GitOps repo .*: (\d+) entities from/g;

const sql = async (database, text, params = []) => (await pgQuery(text, params, database)).rows;
const count = (text, re) => (text.match(re) ?? []).length;
const tail = b => b.logs().slice(-3000);

function fixtureTemplates() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-replicas-'));
  const file = join(dir, 'templates.yaml');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'e2e-slow' },
      spec: {
        owner: 'group:default/admins',
        type: 'service',
        steps: [
          { id: 'before', name: 'Before', action: 'debug:log', input: { message: 'step one done' } },
          // Outlasts the discovery change and the kill that follow it.
          { id: 'wait', name: 'Wait', action: 'debug:wait', input: { seconds: 45 } },
        ],
      },
    }),
  );
  return file;
}

const git = (cwd, ...args) =>
  execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@localhost', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@localhost' },
  }).toString();

/** One media app: a kustomization and a Deployment, nothing else that becomes an entity. */
function writeApp(checkout, name, namespace) {
  const dir = join(checkout, 'cluster/apps/media', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${namespace}\nresources:\n- deployment.yaml\n`,
  );
  writeFileSync(
    join(dir, 'deployment.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels: {app: ${name}}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27.3\n`,
  );
}

const dropLine = (file, line) => writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter(l => l !== line).join('\n'));

/** The test's own checkout: the example repo plus CHANGED_APPS apps, committed. */
function seedCheckout() {
  const checkout = join(mkdtempSync(join(tmpdir(), 'portal-replicas-gitops-')), 'homelab-gitops');
  execFileSync(process.execPath, [join(repoRoot, 'scripts/seed-gitops-checkout.mjs'), checkout], { stdio: 'ignore' });
  for (let i = 1; i <= CHANGED_APPS; i++) writeApp(checkout, app(i), 'bulk');
  git(checkout, 'add', '--all');
  git(checkout, 'commit', '--quiet', '-m', `${CHANGED_APPS} bulk apps`);
  return checkout;
}

/** The change discovery is caught writing: every bulk app moves namespace, more are added, homarr is removed. */
function commitChange(checkout) {
  for (let i = 1; i <= CHANGED_APPS + ADDED_APPS; i++) writeApp(checkout, app(i), 'bulk-v2');
  rmSync(join(checkout, 'cluster/apps/productivity/homarr'), { recursive: true });
  rmSync(join(checkout, 'cluster/platform/gitops/argocd/apps/homarr-app.yaml'));
  dropLine(join(checkout, 'cluster/platform/gitops/argocd/apps/kustomization.yaml'), '- homarr-app.yaml');
  rmSync(join(checkout, 'cluster/apps/shared/ingress/homarr.yaml'));
  dropLine(join(checkout, 'cluster/apps/shared/ingress/kustomization.yaml'), '- homarr.yaml');
  git(checkout, 'add', '--all');
  git(checkout, 'commit', '--quiet', '-m', `Move the bulk apps, add ${ADDED_APPS}, remove homarr`);
}

const refOf = e => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();

async function catalogOf(url) {
  const list = await (await api(url, '/api/catalog/entities?fields=kind,metadata.name,metadata.namespace,metadata.uid')).json();
  return new Map(list.map(e => [refOf(e), e.metadata.uid]));
}

/** The plugins of a backend, from its startup log line. */
function pluginIds(logs) {
  const line = logs.match(/Plugin initialization started: (.*)/);
  assert.ok(line, 'the backend logged its plugins');
  return [...line[1].matchAll(/'([^']+)'/g)].map(m => m[1]).sort();
}

/** Every task the replica's scheduler has registered, per plugin: `plugin/id (scope)`, and their settings. */
async function scheduledTasks(b) {
  const tasks = [];
  for (const plugin of pluginIds(b.logs())) {
    const res = await fetch(`${b.url}/api/${plugin}/.backstage/scheduler/v1/tasks`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    // A plugin without an HTTP router (no scheduler routes either) gets a 404,
    // or the app's index.html from the frontend fallback.
    if (res.status === 404 || (res.status === 200 && res.headers.get('content-type')?.startsWith('text/html'))) continue;
    if (res.status !== 200) assert.fail(`${plugin}: ${res.status} ${await res.text()}`);
    for (const t of (await res.json()).tasks) tasks.push({ plugin, id: t.taskId, scope: t.scope, settings: t.settings });
  }
  return tasks;
}

/** ISO 8601 duration (the scheduler's settings) to seconds; undefined for a cron cadence. */
function seconds(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return undefined;
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

describe('two replicas on one PostgreSQL', () => {
  let a;
  let b;
  let checkout;
  let skipReason;

  before(async () => {
    skipReason = await pgSkipReason();
    if (skipReason) {
      console.log(`# skipping the replica tests: ${skipReason}`);
      return;
    }
    const { database: name, config: database } = await databases.createSchemaPerPlugin();
    DB = name;
    const templates = fixtureTemplates();
    checkout = seedCheckout();
    const extraConfig = {
      catalog: {
        rules: [{ allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User', 'Template'] }],
        locations: [
          { type: 'file', target: join(repoRoot, 'examples/org.yaml'), rules: [{ allow: ['User', 'Group'] }] },
          { type: 'file', target: templates, rules: [{ allow: ['Template'] }] },
        ],
      },
      homelab: {
        gitops: {
          owner: 'group:admins',
          sources: [
            {
              id: 'homelab-gitops',
              path: checkout,
              schedule: { frequency: { seconds: INTERVAL_S }, timeout: { seconds: LOCK_TIMEOUT_S } },
            },
          ],
        },
      },
      // Intervals short enough to count runs of these tasks too.
      search: {
        collators: {
          // ISO strings, as app-config.yaml writes them (layers merge).
          catalog: { schedule: { frequency: `PT${COLLATOR_INTERVAL_S}S`, timeout: 'PT1M', initialDelay: 'PT5S' } },
          techdocs: { schedule: { frequency: `PT${COLLATOR_INTERVAL_S}S`, timeout: 'PT1M', initialDelay: 'PT5S' } },
          homelabArchitecture: { schedule: { frequency: `PT${COLLATOR_INTERVAL_S}S`, timeout: 'PT1M', initialDelay: 'PT5S' } },
        },
      },
      // One task at a time per replica: two tasks then run one on each, so
      // whichever replica is killed, it was running one.
      scaffolder: { concurrentTasksLimit: 1, taskTimeoutJanitorFrequency: { seconds: SCAFFOLDER_JANITOR_S } },
    };
    process.env.LOG_LEVEL = 'debug';
    // One after the other: on an empty database, two replicas starting at
    // the same instant race for the migration lock and one fails
    // (MigrationLocked) and exits; Kubernetes restarts it. The steady state,
    // which this test is about, is two replicas on migrated schemas.
    a = await startBackend({ port: PORT_A, name: 'replica-a', database, extraConfig });
    b = await startBackend({ port: PORT_B, name: 'replica-b', database, extraConfig });
  });

  after(async () => {
    await a?.stop();
    await b?.stop();
    delete process.env.LOG_LEVEL;
    if (!skipReason) await databases.dropAll();
    if (checkout) rmSync(join(checkout, '..'), { recursive: true, force: true });
  });

  test('both replicas serve the same catalog', async t => {
    if (skipReason) return t.skip(skipReason);
    const isFilled = list =>
      list.some(e => e.metadata.name === 'jellyfin') &&
      list.some(e => e.metadata.name === app(CHANGED_APPS)) &&
      list.some(e => e.metadata.name === 'e2e-slow');
    const [fromA, fromB] = await Promise.all([waitForEntities(a.url, isFilled), waitForEntities(b.url, isFilled)]);
    const uids = list => list.map(e => e.metadata.uid).sort();
    assert.deepEqual(uids(fromA), uids(fromB));
  });

  test('every scheduled task runs at most once per interval across both replicas', async t => {
    if (skipReason) return t.skip(skipReason);
    const [tasksA, tasksB] = [await scheduledTasks(a), await scheduledTasks(b)];
    const ids = list => list.map(x => `${x.plugin}/${x.id} (${x.scope})`).sort();
    assert.deepEqual(ids(tasksA), ids(tasksB), 'both replicas schedule the same tasks');
    assert.deepEqual(ids(tasksA), [
      `catalog/${DISCOVERY_TASK} (global)`,
      'catalog/catalog_orphan_cleanup (global)',
      'notifications/notification-cleaner (global)',
      'scaffolder/close_stale_tasks (global)',
      'search/search_index_software_catalog (global)',
      'search/search_index_homelab_architecture (global)',
      'search/search_index_techdocs (global)',
      // Local by design: each replica builds the docs into its own
      // publish directory (an emptyDir per pod in the deployment).
      'techdocs/homelab-docs-prebuild-sweep (local)',
    ].sort());
    const global = tasksA.filter(x => x.scope === 'global');

    // One lock row per global task, in its plugin's schema, shared by both;
    // no row for a local task (techdocs has none).
    const rowsOf = async plugin => (await sql(DB, `SELECT id FROM "${plugin}".backstage_backend_tasks__tasks ORDER BY id`)).map(r => r.id);
    for (const plugin of [...new Set(tasksA.map(x => x.plugin))]) {
      const rows = await sql(DB, `SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'backstage_backend_tasks__tasks'`, [plugin]);
      const expected = global.filter(x => x.plugin === plugin).map(x => x.id).sort();
      assert.deepEqual(rows.length ? await rowsOf(plugin) : [], expected, `the lock rows of ${plugin}`);
    }

    // Runs in a window, two ways: completions recorded in the lock rows
    // (sampled far more often than any interval), and, for the tasks that log
    // each run, the log lines of both replicas.
    const windowS = 40;
    const ended = new Map(global.map(x => [`${x.plugin}/${x.id}`, new Set()]));
    const logRuns = () => ({
      discovery: count(a.logs(), RUN_LINE) + count(b.logs(), RUN_LINE),
      search_index_software_catalog: count(a.logs() + b.logs(), /Collating documents for software-catalog via/g),
      search_index_techdocs: count(a.logs() + b.logs(), /Collating documents for techdocs via/g),
    });
    const logsBefore = logRuns();
    const first = new Map();
    const sample = [...new Set(global.map(x => x.plugin))]
      .map(p => `SELECT '${p}/' || id AS key, last_run_ended_at FROM "${p}".backstage_backend_tasks__tasks`)
      .join(' UNION ALL ');
    const deadline = Date.now() + windowS * 1000;
    while (Date.now() < deadline) {
      for (const row of await sql(DB, sample)) {
        const value = row.last_run_ended_at?.toISOString() ?? 'never';
        if (!first.has(row.key)) first.set(row.key, value);
        else if (value !== first.get(row.key)) ended.get(row.key).add(value);
      }
      await sleep(250);
    }
    const logsAfter = logRuns();

    const report = [];
    for (const x of global) {
      const key = `${x.plugin}/${x.id}`;
      const interval = seconds(x.settings.cadence);
      const runs = ended.get(key).size;
      report.push(`${key} every ${x.settings.cadence}: ${runs} runs`);
      // One scheduler would run a task at most windowS / interval times (+1
      // for where the window falls); two without the lock, twice that.
      if (interval !== undefined) assert.ok(runs <= Math.floor(windowS / interval) + 1, report.join('\n'));
      else assert.ok(runs <= 1, report.join('\n'));
    }
    // The short-interval tasks did run, so the bound above was tested.
    for (const id of [DISCOVERY_TASK, 'close_stale_tasks', 'search_index_software_catalog', 'search_index_techdocs', 'search_index_homelab_architecture']) {
      const key = [...ended.keys()].find(k => k.endsWith(`/${id}`));
      assert.ok(ended.get(key).size >= 2, `${key} ran in the window:\n${report.join('\n')}`);
    }
    const logged = {
      discovery: [logsAfter.discovery - logsBefore.discovery, INTERVAL_S],
      search_index_software_catalog: [logsAfter.search_index_software_catalog - logsBefore.search_index_software_catalog, COLLATOR_INTERVAL_S],
      search_index_techdocs: [logsAfter.search_index_techdocs - logsBefore.search_index_techdocs, COLLATOR_INTERVAL_S],
    };
    for (const [what, [runs]] of Object.entries(logged)) report.push(`${what} logged by both: ${runs} runs`);
    for (const [what, [runs, interval]] of Object.entries(logged)) {
      // A scheduler polls at most every interval, so on a busy machine a run
      // can start up to one interval late: fewer runs, never more.
      assert.ok(runs >= 2 && runs <= Math.floor(windowS / interval) + 1, `${what}: ${runs} runs logged by both replicas in ${windowS} s, every ${interval} s\n${report.join('\n')}`);
    }
    t.diagnostic(report.join('; '));
  });

  test('killing the replica that writes a discovery change, while each replica runs a scaffolder task, loses nothing', async t => {
    if (skipReason) return t.skip(skipReason);
    const guest = await (await fetch(`${a.url}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } })).json();
    const auth = { authorization: `Bearer ${guest.backstageIdentity.token}`, 'content-type': 'application/json' };
    const providerRows = async () =>
      (await sql(DB, `SELECT target_entity_ref AS ref FROM catalog.refresh_state_references WHERE source_key = $1`, [PROVIDER]))
        .map(r => r.ref)
        .sort();
    const rowsBefore = await providerRows();
    // The starting point: every entity of the provider processed and served.
    let before = await catalogOf(b.url);
    for (let i = 0; i < 120 && !rowsBefore.every(r => before.has(r)); i++) {
      await sleep(1000);
      before = await catalogOf(b.url);
    }
    assert.deepEqual(rowsBefore.filter(r => !before.has(r)), [], 'the catalog serves every discovered entity before the change');

    // Two scaffolder tasks: one per replica (one task at a time each).
    const taskIds = [];
    for (const replica of [a, b]) {
      const created = await fetch(`${replica.url}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ templateRef: 'template:default/e2e-slow', values: {} }),
      });
      assert.equal(created.status, 201);
      taskIds.push((await created.json()).id);
    }
    const events = async (replica, id) => (await fetch(`${replica.url}/api/scaffolder/v2/tasks/${id}/events`, { headers: auth })).json();
    const pastStepOne = list => list.some(e => /step one done/.test(e.body?.message ?? ''));
    for (let i = 0; i < 120; i++) {
      const all = await Promise.all(taskIds.map(id => events(b, id)));
      if (all.every(pastStepOne)) break;
      await sleep(250);
    }

    // Commit the change right after a run, so that no run reads a half-written
    // tree; the next run, on either replica, writes it. Kill that replica as
    // soon as it logs the start of the write.
    const runsNow = () => count(a.logs(), RUN_LINE) + count(b.logs(), RUN_LINE);
    const runsBefore = runsNow();
    for (let i = 0; i < 6000 && runsNow() === runsBefore; i++) await sleep(10);
    const mark = { a: a.logs().length, b: b.logs().length };
    const since = (replica, key) => replica.logs().slice(mark[key]);
    commitChange(checkout);
    let victim;
    const waitUntil = Date.now() + 60_000;
    while (!victim && Date.now() < waitUntil) {
      if (count(since(a, 'a'), WRITING) > 0) victim = 'a';
      else if (count(since(b, 'b'), WRITING) > 0) victim = 'b';
      else await sleep(10);
    }
    assert.ok(victim, `no replica started writing the change within 60 s:\n${tail(a)}\n${tail(b)}`);
    const [dead, alive, deadKey, aliveKey] = victim === 'a' ? [a, b, 'a', 'b'] : [b, a, 'b', 'a'];
    process.kill(-dead.pid, 'SIGKILL');
    const killedAt = Date.now();
    await dead.closed;

    // Killed mid-write: it logged the start of the write and not its end.
    const deadLog = since(dead, deadKey);
    const expectedCount = Number([...deadLog.matchAll(WRITING)][0][1]);
    assert.equal(count(deadLog, WROTE), 0, `replica ${deadKey} finished the write before the kill; nothing was interrupted:\n${deadLog.slice(-2000)}`);
    // The cut transaction wrote nothing: the provider's rows are the old ones.
    assert.deepEqual(await providerRows(), rowsBefore, 'the interrupted write left the previous state, no part of the change');
    // The dead run still holds the lock.
    const [lock] = await sql(DB, `SELECT current_run_ticket FROM catalog.backstage_backend_tasks__tasks WHERE id = $1`, [DISCOVERY_TASK]);
    assert.ok(lock.current_run_ticket, 'the killed run holds the discovery lock');

    // The survivor takes over once the lock times out and its janitor frees it.
    const takeoverUntil = killedAt + (LOCK_TIMEOUT_S + JANITOR_S + 60) * 1000;
    while (count(since(alive, aliveKey), WROTE) === 0 && Date.now() < takeoverUntil) await sleep(500);
    const aliveLog = since(alive, aliveKey);
    assert.ok(count(aliveLog, WROTE) > 0, `replica ${aliveKey} never wrote the change:\n${aliveLog.slice(-3000)}`);
    const freed = aliveLog.search(new RegExp(`Task timed out and was lost: ${DISCOVERY_TASK}`));
    assert.ok(freed >= 0, 'the survivor\'s janitor freed the dead run\'s lock');
    assert.equal(count(aliveLog.slice(0, freed), RUN_LINE), 0, 'no discovery run on the survivor while the dead run held the lock');
    const takeoverS = Math.round((Date.now() - killedAt) / 1000);
    // How long the survivor's write of the same change took, from its log
    // lines' timestamps: the window the kill had to land in.
    const at = re => Date.parse(aliveLog.match(new RegExp(`(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z).*${re.source}`))?.[1]);
    const writeMs = at(/changed: writing \d+ entities/) && at(/: \d+ entities from/) - at(/changed: writing \d+ entities/);

    // Exactly the changed repo's entities: homarr gone, the added apps there,
    // everything else kept with its uid.
    const removed = ['component:default/homarr'];
    const added = Array.from({ length: ADDED_APPS }, (_, i) => `component:default/${app(CHANGED_APPS + i + 1)}`);
    const expected = [...[...before.keys()].filter(r => !removed.includes(r)), ...added].sort();
    let after = await catalogOf(alive.url);
    for (let i = 0; i < 240 && JSON.stringify([...after.keys()].sort()) !== JSON.stringify(expected); i++) {
      await sleep(1000);
      after = await catalogOf(alive.url);
    }
    assert.deepEqual([...after.keys()].sort(), expected, 'the catalog holds exactly the changed repo\'s entities');
    for (const [ref, uid] of before) if (after.has(ref)) assert.equal(after.get(ref), uid, `${ref} kept its uid`);
    const rowsExpected = [...rowsBefore.filter(r => !removed.includes(r)), ...added].sort();
    assert.deepEqual(await providerRows(), rowsExpected, 'the provider\'s rows: the old ones, homarr out, the added apps in');
    const moved = await (await api(alive.url, `/api/catalog/entities/by-name/component/default/${app(1)}`)).json();
    assert.equal(moved.metadata.annotations['backstage.io/kubernetes-namespace'], 'bulk-v2', 'the changed apps carry the change');

    // Both tasks are kept with their history; the survivor's finished, the
    // killed replica's is not resumed.
    const tasks = async () => Promise.all(taskIds.map(async id => (await fetch(`${alive.url}/api/scaffolder/v2/tasks/${id}`, { headers: auth })).json()));
    let finalTasks = await tasks();
    for (let i = 0; i < 120 && !finalTasks.some(x => x.status === 'completed'); i++) {
      await sleep(500);
      finalTasks = await tasks();
    }
    assert.deepEqual(finalTasks.map(x => x.id), taskIds, 'both tasks are still known to the surviving replica');
    for (const id of taskIds) assert.ok(pastStepOne(await events(alive, id)), `the history (log events) of ${id} is kept`);
    assert.deepEqual(finalTasks.map(x => x.status).sort(), ['completed', 'processing'], 'one task ran on each replica; the dead one\'s stays processing');
    t.diagnostic(
      `killed replica ${deadKey} mid-write (${expectedCount} entities); replica ${aliveKey} wrote the change ${takeoverS} s later, ${
        Number.isNaN(writeMs) ? `no timestamp in ${JSON.stringify(aliveLog.match(/.*changed: writing.*/)?.[0])}` : `in ${writeMs} ms`
      }`,
    );
  });
});

describe('a PostgreSQL restart during operation', () => {
  const PG_BIN = '/usr/lib/postgresql/15/bin';
  let dataDir;
  let backend;
  let available = existsSync(`${PG_BIN}/pg_ctl`);
  let logFile;
  // The server pg_ctl starts must not inherit a pipe of ours (execFileSync
  // would wait for it to close): its output goes to logFile.
  const pgCtl = (...args) =>
    execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/pg_ctl`, '-D', dataDir, '-l', logFile, '-w', ...args], { stdio: 'ignore' });

  before(async () => {
    if (!available) return;
    const base = mkdtempSync(join(tmpdir(), 'portal-own-pg-'));
    chmodSync(base, 0o777);
    dataDir = join(base, 'data');
    logFile = join(base, 'pg.log');
    execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/initdb`, '-D', dataDir, '-A', 'trust', '-U', 'postgres'], { stdio: 'pipe' });
    pgCtl('-o', `-p ${PG_PORT} -k ${base} -c listen_addresses=127.0.0.1`, 'start');
    backend = await startBackend({
      port: PORT_A,
      name: 'pg-restart',
      database: { client: 'pg', pluginDivisionMode: 'schema', connection: { host: '127.0.0.1', port: PG_PORT, user: 'postgres', database: 'postgres' } },
    });
  });

  after(async () => {
    await backend?.stop();
    if (dataDir) {
      try {
        pgCtl('-m', 'immediate', 'stop');
      } catch {
        // already stopped
      }
    }
  });

  test('the backend reconnects and serves the catalog again', async t => {
    if (!available) return t.skip(`no PostgreSQL binaries at ${PG_BIN}`);
    const isFilled = list => list.some(e => e.metadata.name === 'jellyfin');
    const first = await waitForEntities(backend.url, isFilled);
    pgCtl('-m', 'fast', 'restart');
    // Right after the restart the pool's connections are dead; within a few
    // seconds the catalog answers again, with the same rows.
    let again;
    for (let i = 0; i < 60 && !again; i++) {
      try {
        again = await waitForEntities(backend.url, isFilled, 1000);
      } catch {
        await sleep(500);
      }
    }
    assert.ok(again, `the catalog never answered after the restart:\n${backend.logs().slice(-2000)}`);
    const uid = list => list.find(e => e.metadata.name === 'jellyfin').metadata.uid;
    assert.equal(uid(again), uid(first));
    assert.equal((await fetch(`${backend.url}/.backstage/health/v1/readiness`)).status, 200);
  });
});
