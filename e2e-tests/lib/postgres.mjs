// The machine's PostgreSQL for e2e tests and benches: the connection from
// POSTGRES_* (default 127.0.0.1:5432, user postgres, trust auth), a check
// that says why it is unreachable, and databases under a prefix unique to
// one test process, dropped by that prefix afterwards.
import pg from 'pg';

/** The connection from POSTGRES_HOST/PORT/USER/PASSWORD, as the backend config takes it. */
export const pgConnection = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? '',
};

/** Runs one statement on `database` (the maintenance database by default) in its own connection. */
export async function pgQuery(sql, params = [], database = 'postgres') {
  const client = new pg.Client({ ...pgConnection, database, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** `undefined` when PostgreSQL answers; otherwise the reason to skip, naming where it looked. */
export async function pgSkipReason() {
  try {
    await pgQuery('SELECT 1');
    return undefined;
  } catch (e) {
    return `no PostgreSQL reachable at ${pgConnection.host}:${pgConnection.port} (${e.message})`;
  }
}

/**
 * The databases of one test process: every name starts with
 * `portal_<name>_<pid>_`, so parallel runs (and other helpers) never share or
 * drop each other's. E2E_PG_DB_PREFIX goes in front of that, for runs that
 * must keep to names of their own on a shared server (pids repeat across
 * machines and containers).
 */
export function pgTestDatabases(name) {
  const prefix = `${process.env.E2E_PG_DB_PREFIX ?? ''}portal_${name}_${process.pid}_`;
  const quoted = database => `"${database.replaceAll('"', '""')}"`;
  const exists = async database =>
    (await pgQuery('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rows.length === 1;
  return {
    prefix,
    /** Backend `database` config with one database per plugin, named `<prefix><plugin>` (Backstage's default division). */
    perPluginDatabases: () => ({ client: 'pg', prefix, connection: { ...pgConnection } }),
    /** The database the backend made for `plugin` in per-plugin mode exists. */
    pluginDatabaseExists: plugin => exists(`${prefix}${plugin}`),
    /**
     * Creates one database `<prefix>main` and returns its name and the backend
     * `database` config with one schema per plugin in it, as the deployment runs.
     */
    async createSchemaPerPlugin() {
      const database = `${prefix}main`;
      await pgQuery(`CREATE DATABASE ${quoted(database)}`);
      return {
        database,
        config: { client: 'pg', pluginDivisionMode: 'schema', connection: { ...pgConnection, database } },
      };
    },
    /** Drops every database of this prefix (a literal prefix: `_` is no LIKE wildcard here). */
    async dropAll() {
      const { rows } = await pgQuery('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
      for (const { datname } of rows) await pgQuery(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
    },
  };
}
