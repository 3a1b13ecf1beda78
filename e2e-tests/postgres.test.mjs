// The production database is PostgreSQL: the backend must start on it, fill
// the catalog, and keep it across a restart. Runs against the machine's
// PostgreSQL (default 127.0.0.1:5432, trust auth) and skips, saying why,
// when none is reachable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { checkCatalogSurvivesRestart } from './lib/backend.mjs';

const connection = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? '',
};
// Each plugin gets its own database named <prefix><plugin>.
const prefix = `portal_e2e_${process.pid}_`;
const port = Number(process.env.E2E_PG_PORT ?? 7108);

async function adminQuery(sql) {
  const client = new pg.Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropTestDatabases() {
  const { rows } = await adminQuery(
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
  );
  for (const { datname } of rows) {
    await adminQuery(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

let skipReason;
before(async () => {
  try {
    await adminQuery('SELECT 1');
  } catch (e) {
    skipReason = `no PostgreSQL reachable at ${connection.host}:${connection.port} (${e.message})`;
    console.log(`# skipping the PostgreSQL backend test: ${skipReason}`);
  }
});

after(async () => {
  if (!skipReason) await dropTestDatabases();
});

test('the backend runs on PostgreSQL and keeps the catalog across a restart', async t => {
  if (skipReason) {
    t.skip(skipReason);
    return;
  }
  await checkCatalogSurvivesRestart({
    port,
    name: 'postgres',
    database: { client: 'pg', prefix, connection },
    between: async () => {
      const { rows } = await adminQuery(`SELECT datname FROM pg_database WHERE datname = '${prefix}catalog'`);
      assert.equal(rows.length, 1, 'the catalog lives in its own PostgreSQL database');
    },
  });
});
