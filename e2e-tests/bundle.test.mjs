// The production image's contents without Docker: the backend bundle
// (`yarn build:backend` → packages/backend/dist/{skeleton,bundle}.tar.gz)
// unpacked into an empty directory and started the way the Dockerfile's CMD
// does, with NODE_ENV=production, both configs and the machine's PostgreSQL.
// The image installs production dependencies with `yarn workspaces focus`;
// here the repo's installed node_modules stand in for them (the bundle's own
// built workspace packages take precedence).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './lib/backend.mjs';
import { pgConnection, pgQuery, pgSkipReason, pgTestDatabases } from './lib/postgres.mjs';

const port = Number(process.env.E2E_BUNDLE_PORT ?? 7263);
const dist = join(repoRoot, 'packages/backend/dist');
const databases = pgTestDatabases('bundle');
// app-config.production.yaml divides this one database into a schema per plugin.
let DB;

let dir;
let pgSkip;

/** The unpacked image: skeleton + bundle, node_modules from the repo, own workspaces first. */
function unpack() {
  const root = mkdtempSync(join(tmpdir(), 'portal-bundle-'));
  execFileSync('tar', ['xzf', join(dist, 'skeleton.tar.gz'), '-C', root]);
  execFileSync('tar', ['xzf', join(dist, 'bundle.tar.gz'), '-C', root]);
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@internal'), { recursive: true });
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (['@internal', 'app', 'backend', '.bin'].includes(entry)) continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  for (const plugin of readdirSync(join(root, 'plugins'))) {
    symlinkSync(join(root, 'plugins', plugin), join(modules, '@internal', `plugin-${plugin}`));
  }
  symlinkSync(join(root, 'packages/app'), join(modules, 'app'));
  return root;
}

function env(extra = {}) {
  const url = `http://localhost:${port}`;
  return {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-node-snapshot',
    PORTAL_BASE_URL: url,
    BACKEND_SECRET: 'bundle-test-secret-not-a-real-one-0123456789',
    POSTGRES_HOST: pgConnection.host,
    POSTGRES_PORT: String(pgConnection.port),
    POSTGRES_USER: pgConnection.user,
    POSTGRES_PASSWORD: pgConnection.password,
    POSTGRES_DB: DB,
    GITHUB_TOKEN: 'bundle-test-token-not-a-real-one',
    AUTH_GITHUB_CLIENT_ID: 'bundle-test',
    AUTH_GITHUB_CLIENT_SECRET: 'bundle-test',
    AUTH_OIDC_METADATA_URL: 'http://127.0.0.1:9/.well-known/openid-configuration',
    AUTH_OIDC_CLIENT_ID: 'bundle-test',
    AUTH_OIDC_CLIENT_SECRET: 'bundle-test',
    HOMELAB_GITOPS_URL: 'https://github.com/example/homelab-gitops/tree/main',
    HOMELAB_ORG_URL: 'https://github.com/example/homelab-gitops/blob/main/org.yaml',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** The homelab layer of the test: the example repo and recording, no network. */
function testLayer(extra = {}) {
  const file = join(dir, `app-config.test-${Object.keys(extra).length}.yaml`);
  writeFileSync(
    file,
    JSON.stringify({
      backend: { listen: { port } },
      catalog: { locations: [{ type: 'file', target: join(repoRoot, 'examples/org.yaml'), rules: [{ allow: ['User', 'Group'] }] }] },
      homelab: {
        gitops: { sources: [{ id: 'homelab-gitops', path: join(repoRoot, 'examples/homelab-gitops') }] },
        state: { source: 'recorded', recorded: { path: join(repoRoot, 'examples/cluster-snapshot') } },
      },
      techdocs: { publisher: { type: 'local', local: { publishDirectory: join(dir, 'techdocs') } } },
      ...extra,
    }),
  );
  return file;
}

function start(configs, extraEnv) {
  let output = '';
  const child = spawn(
    process.execPath,
    ['packages/backend', '--config', 'app-config.yaml', '--config', 'app-config.production.yaml', ...configs.flatMap(c => ['--config', c])],
    { cwd: dir, env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', c => (output += c));
  child.stderr.on('data', c => (output += c));
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
  return { child, exited, logs: () => output };
}

before(async () => {
  assert.ok(existsSync(join(dist, 'bundle.tar.gz')), 'build the backend bundle first: yarn build:backend');
  pgSkip = await pgSkipReason();
  if (pgSkip) console.log(`# skipping the PostgreSQL bundle test: ${pgSkip}`);
  else DB = (await databases.createSchemaPerPlugin()).database;
  dir = unpack();
  // Copy the two config files the image ships next to the bundle.
  execFileSync('cp', [join(repoRoot, 'app-config.yaml'), join(repoRoot, 'app-config.production.yaml'), dir]);
});

after(async () => {
  if (!pgSkip) await databases.dropAll();
});

test('the bundle starts in production on PostgreSQL and serves health, the app and an authenticated API', async t => {
  if (pgSkip) return t.skip(pgSkip);
  const backend = start([testLayer()]);
  try {
    const url = `http://localhost:${port}`;
    let ready = false;
    for (let i = 0; i < 240 && !ready; i++) {
      if (backend.child.exitCode !== null) break;
      ready = await fetch(`${url}/.backstage/health/v1/readiness`).then(r => r.ok, () => false);
      if (!ready) await sleep(500);
    }
    assert.ok(ready, `not ready:\n${backend.logs().slice(-3000)}`);
    assert.equal((await fetch(`${url}/.backstage/health/v1/liveness`)).status, 200);
    const index = await fetch(url);
    assert.match(await index.text(), /<title>Homelab Portal<\/title>/);
    assert.equal((await fetch(`${url}/api/catalog/entities?limit=1`)).status, 401, 'nobody unauthenticated');
    const guest = await fetch(`${url}/api/auth/guest/refresh`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
    assert.equal(guest.status, 404, 'no guest provider in production');
    // One schema per plugin in the one database (pluginDivisionMode: schema).
    const { rows } = await pgQuery(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('catalog','scaffolder','auth')`,
      [],
      DB,
    );
    assert.deepEqual(rows.map(r => r.schema_name).sort(), ['auth', 'catalog', 'scaffolder']);
  } finally {
    backend.child.kill('SIGTERM');
    await backend.exited;
  }
});

test('the bundle refuses to start in production with guest sign-in configured, saying why', async () => {
  const backend = start([testLayer({ auth: { providers: { guest: { userEntityRef: 'user:default/guest' } } } })]);
  const code = await Promise.race([backend.exited, sleep(120_000).then(() => 'timeout')]);
  if (code === 'timeout') backend.child.kill('SIGKILL');
  assert.notEqual(code, 0);
  assert.notEqual(code, 'timeout', 'the backend kept running');
  assert.match(backend.logs(), /Refusing to start: guest sign-in is configured \(auth\.providers\.guest\) in production/);
});
