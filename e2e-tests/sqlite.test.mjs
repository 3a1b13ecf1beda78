// The embedded default keeps its catalog in SQLite files under a data folder:
// a restart must find the same rows, not an empty catalog to refill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCatalogSurvivesRestart } from './lib/backend.mjs';

test('the SQLite catalog survives a backend restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-sqlite-'));
  try {
    await checkCatalogSurvivesRestart({
      port: Number(process.env.E2E_SQLITE_PORT ?? 7110),
      name: 'sqlite',
      database: { client: 'better-sqlite3', connection: { directory: dataDir } },
      between: async () => {
        assert.ok(readdirSync(dataDir).some(f => /catalog/.test(f)), `a catalog database file in ${dataDir}`);
      },
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
