// The embedded default keeps its catalog in SQLite files under a data folder:
// a restart must find the same rows, not an empty catalog to refill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, waitForEntities } from './lib/backend.mjs';

test('the SQLite catalog survives a backend restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-sqlite-'));
  const database = { client: 'better-sqlite3', connection: { directory: dataDir } };
  const port = Number(process.env.E2E_SQLITE_PORT ?? 7110);
  const isFilled = list => list.some(e => e.kind === 'Component' && e.metadata.name === 'jellyfin');
  const uid = list => list.find(e => e.kind === 'Component' && e.metadata.name === 'jellyfin').metadata.uid;
  try {
    let backend = await startBackend({ port, database, name: 'sqlite-1' });
    let first;
    try {
      first = await waitForEntities(backend.url, isFilled);
    } finally {
      await backend.stop();
    }
    assert.ok(readdirSync(dataDir).some(f => /catalog/.test(f)), `a catalog database file in ${dataDir}`);
    backend = await startBackend({ port, database, name: 'sqlite-2' });
    try {
      const again = await waitForEntities(backend.url, isFilled, 5_000);
      assert.equal(uid(again), uid(first));
    } finally {
      await backend.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
