// Starts the real portal backend (packages/backend) for end-to-end tests, the
// same way scripts/start.sh does, with a test config layered on top.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const TEST_TOKEN = 'e2e-static-token-not-a-secret-0123456789';

/** A config layer for tests: own port, own data dir, a static token for API calls. */
export function testConfigYaml({ port, database, dataDir, extraConfig = {} }) {
  const url = `http://localhost:${port}`;
  return JSON.stringify({
    ...extraConfig,
    app: { baseUrl: url },
    backend: {
      baseUrl: url,
      listen: { port },
      cors: { origin: url },
      database,
      auth: {
        externalAccess: [
          { type: 'static', options: { token: TEST_TOKEN, subject: 'e2e-tests' } },
        ],
      },
    },
    techdocs: { publisher: { type: 'local', local: { publishDirectory: join(dataDir, 'techdocs') } } },
  });
}

export async function startBackend({ port, database, name = 'backend', extraConfig }) {
  // app-config.yaml discovers from the GitOps checkout under data/, as start.sh makes it.
  execFileSync(process.execPath, [join(repoRoot, 'scripts/seed-gitops-checkout.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  const configFile = join(dir, 'app-config.test.yaml');
  writeFileSync(configFile, testConfigYaml({ port, database, dataDir: dir, extraConfig }));
  const url = `http://localhost:${port}`;
  let output = '';
  const child = spawn(
    'yarn',
    ['start', '--config', join(repoRoot, 'app-config.yaml'), '--config', configFile],
    {
      cwd: join(repoRoot, 'packages/backend'),
      env: { ...process.env, FORCE_COLOR: '0' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const collect = chunk => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  // After 'close' every line the process wrote is in `output` (a SIGKILLed
  // backend's last lines included).
  const closed = new Promise(resolve => child.on('close', resolve));
  child.on('error', err => {
    // e.g. yarn not on PATH: fail now rather than after the start timeout.
    output += `\ncould not start the backend: ${err.message}`;
    exited = true;
  });

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let i = 0; i < 100 && !exited; i++) await sleep(100);
    if (!exited) process.kill(-child.pid, 'SIGKILL');
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`${name} exited before it was ready:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) return { url, stop, logs: () => output, dir, pid: child.pid, closed };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`${name} was not ready within 180 s:\n${output.slice(-4000)}`);
}

export async function api(url, path, init = {}) {
  const res = await fetch(`${url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, ...init.headers },
  });
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  }
  return res;
}

/** Polls the catalog until `predicate(entities)` holds; returns the entities. */
export async function waitForEntities(url, predicate, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let entities = [];
  while (Date.now() < deadline) {
    const res = await api(url, '/api/catalog/entities?fields=kind,metadata.name,metadata.uid');
    entities = await res.json();
    if (predicate(entities)) return entities;
    await sleep(1000);
  }
  throw new Error(
    `catalog did not reach the expected state in ${timeoutMs} ms; it has: ${entities
      .map(e => `${e.kind}:${e.metadata.name}`)
      .join(', ')}`,
  );
}

/**
 * Starts the backend on `database`, waits for the catalog to fill, runs
 * `between` with the backend stopped, restarts it and checks that the same
 * rows (same uid) are there right after readiness, before any reprocessing
 * could refill them.
 */
export async function checkCatalogSurvivesRestart({ port, database, name, between = async () => {} }) {
  const isFilled = list =>
    list.some(e => e.kind === 'Component' && e.metadata.name === 'jellyfin') &&
    list.some(e => e.kind === 'Component' && e.metadata.name === 'homelab-portal');
  const uid = list => list.find(e => e.kind === 'Component' && e.metadata.name === 'jellyfin').metadata.uid;

  let backend = await startBackend({ port, database, name: `${name}-1` });
  let first;
  try {
    first = await waitForEntities(backend.url, isFilled);
  } finally {
    await backend.stop();
  }
  await between();
  backend = await startBackend({ port, database, name: `${name}-2` });
  try {
    const again = await waitForEntities(backend.url, isFilled, 5_000);
    if (uid(again) !== uid(first)) {
      throw new Error(`after the restart jellyfin has uid ${uid(again)}, not ${uid(first)}: the catalog was re-ingested, not kept`);
    }
  } finally {
    await backend.stop();
  }
}
