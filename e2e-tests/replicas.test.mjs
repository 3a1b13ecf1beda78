// Two replicas on one PostgreSQL, as the deployment runs them: two backend
// processes on the machine's PostgreSQL (one database, one schema per
// plugin). Both serve reads; the GitOps discovery runs once per interval
// across both (the scheduler's lock in the database); killing one (SIGKILL)
// while a scaffolder task runs loses nothing. Then a PostgreSQL restart,
// against a PostgreSQL this test starts itself (never the shared one).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, repoRoot, startBackend, waitForEntities } from './lib/backend.mjs';
import { pgQuery, pgSkipReason, pgTestDatabases } from './lib/postgres.mjs';

const PORT_A = Number(process.env.E2E_REPLICAS_PORT_A ?? 7264);
const PORT_B = Number(process.env.E2E_REPLICAS_PORT_B ?? 7265);
const PG_PORT = Number(process.env.E2E_REPLICAS_OWN_PG_PORT ?? 55433);
const databases = pgTestDatabases('replicas');
let DB;
const INTERVAL_S = 4;
// Debug lines of the GitOps provider: one per discovery run.
const RUN_LINE = /GitOps repo .* (unchanged; nothing to do|: \d+ entities from)/g;

const sql = async (database, text) => (await pgQuery(text, [], database)).rows;

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
          { id: 'wait', name: 'Wait', action: 'debug:wait', input: { seconds: 8 } },
        ],
      },
    }),
  );
  return file;
}

const runs = logs => (logs().match(RUN_LINE) ?? []).length;

describe('two replicas on one PostgreSQL', () => {
  let a;
  let b;
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
              path: join(repoRoot, 'examples/homelab-gitops'),
              schedule: { frequency: { seconds: INTERVAL_S }, timeout: { minutes: 1 } },
            },
          ],
        },
      },
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
  });

  test('both replicas serve the same catalog', async t => {
    if (skipReason) return t.skip(skipReason);
    const isFilled = list => list.some(e => e.metadata.name === 'jellyfin') && list.some(e => e.metadata.name === 'e2e-slow');
    const [fromA, fromB] = await Promise.all([waitForEntities(a.url, isFilled), waitForEntities(b.url, isFilled)]);
    const uids = list => list.map(e => e.metadata.uid).sort();
    assert.deepEqual(uids(fromA), uids(fromB));
  });

  test('discovery runs once per interval across both replicas', async t => {
    if (skipReason) return t.skip(skipReason);
    const before = runs(a.logs) + runs(b.logs);
    const windowS = 8 * INTERVAL_S;
    await sleep(windowS * 1000);
    const total = runs(a.logs) + runs(b.logs) - before;
    // One scheduler would run ~windowS / INTERVAL_S times; two without the
    // lock, twice that. Allow one run of slack either way.
    const expected = windowS / INTERVAL_S;
    assert.ok(total >= expected - 2 && total <= expected + 1, `${total} runs in ${windowS} s across both (expected about ${expected})`);
    const tasks = await sql(DB, `SELECT id FROM catalog.backstage_backend_tasks__tasks WHERE id LIKE '%homelab-gitops%'`);
    assert.equal(tasks.length, 1, 'one task row, shared by both');
  });

  test('killing a replica during a scaffolder task loses neither the catalog nor the task history', async t => {
    if (skipReason) return t.skip(skipReason);
    const guest = await (await fetch(`${a.url}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } })).json();
    const token = guest.backstageIdentity.token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const catalogBefore = (await (await api(b.url, '/api/catalog/entities?fields=metadata.uid')).json()).map(e => e.metadata.uid).sort();

    const created = await fetch(`${a.url}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ templateRef: 'template:default/e2e-slow', values: {} }),
    });
    assert.equal(created.status, 201);
    const { id } = await created.json();
    // Wait until the task is past its first step, then kill A outright.
    for (let i = 0; i < 40; i++) {
      const events = await (await fetch(`${b.url}/api/scaffolder/v2/tasks/${id}/events`, { headers: auth })).json();
      if (events.some(e => /step one done/.test(e.body?.message ?? ''))) break;
      await sleep(250);
    }
    const runsBefore = runs(b.logs);
    process.kill(-a.pid, 'SIGKILL');

    const task = await (await fetch(`${b.url}/api/scaffolder/v2/tasks/${id}`, { headers: auth })).json();
    assert.equal(task.id, id, 'the task is still known to the surviving replica');
    const events = await (await fetch(`${b.url}/api/scaffolder/v2/tasks/${id}/events`, { headers: auth })).json();
    assert.ok(events.some(e => /step one done/.test(e.body?.message ?? '')), 'its history (log events) is kept');

    const catalogAfter = (await (await api(b.url, '/api/catalog/entities?fields=metadata.uid')).json()).map(e => e.metadata.uid).sort();
    assert.deepEqual(catalogAfter, catalogBefore, 'the catalog is intact (same entities, same uids)');

    // B keeps discovering: the lock of a dead runner does not block it.
    await sleep(3 * INTERVAL_S * 1000);
    assert.ok(runs(b.logs) > runsBefore, 'discovery continues on the surviving replica');
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
