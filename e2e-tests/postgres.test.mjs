// The production database is PostgreSQL: the backend must start on it, fill
// the catalog, and keep it across a restart. Runs against the machine's
// PostgreSQL (default 127.0.0.1:5432, trust auth) and skips, saying why,
// when none is reachable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalogSurvivesRestart } from './lib/backend.mjs';
import { pgSkipReason, pgTestDatabases } from './lib/postgres.mjs';

// Each plugin gets its own database named <prefix><plugin>.
const databases = pgTestDatabases('e2e');
const port = Number(process.env.E2E_PG_PORT ?? 7108);

let skipReason;
before(async () => {
  skipReason = await pgSkipReason();
  if (skipReason) console.log(`# skipping the PostgreSQL backend test: ${skipReason}`);
});

after(async () => {
  if (!skipReason) await databases.dropAll();
});

test('the backend runs on PostgreSQL and keeps the catalog across a restart', async t => {
  if (skipReason) {
    t.skip(skipReason);
    return;
  }
  await checkCatalogSurvivesRestart({
    port,
    name: 'postgres',
    database: databases.perPluginDatabases(),
    between: async () => {
      assert.ok(await databases.pluginDatabaseExists('catalog'), 'the catalog lives in its own PostgreSQL database');
    },
  });
});
