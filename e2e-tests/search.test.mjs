// Search through its API on the embedded default (SQLite + Lunr) and on
// PostgreSQL (the pg search engine): an app by name, a runbook by a phrase
// from its body, an app by its ingress host, a generated README doc (built
// because discovery reported it changed, not by a timer), and a generated
// architecture page by a line only that page has.
// Runs against the machine's PostgreSQL (127.0.0.1:5432, trust auth) with a
// unique database prefix, dropped afterwards; skips PostgreSQL, saying why,
// when none is reachable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, startBackend, TEST_TOKEN } from './lib/backend.mjs';
import { pgSkipReason, pgTestDatabases } from './lib/postgres.mjs';

const port = Number(process.env.E2E_SEARCH_PORT ?? 7113);
const databases = pgTestDatabases('search_e2e');

// Index soon after the catalog fills, and again while the prebuild finishes.
// No sweep: the docs are built only because discovery's first run reported
// them on the docs-changed topic.
const fastIndexing = {
  search: {
    collators: {
      catalog: { schedule: { frequency: 'PT20S', timeout: 'PT3M', initialDelay: 'PT15S' } },
      techdocs: { schedule: { frequency: 'PT20S', timeout: 'PT3M', initialDelay: 'PT20S' } },
      homelabArchitecture: { schedule: { frequency: 'PT20S', timeout: 'PT3M', initialDelay: 'PT15S' } },
    },
  },
  homelab: { docs: { prebuild: { concurrency: 2, sweepMinutes: 0 } } },
};

/** Polls the search API until `accept(results)` picks a result; returns it. */
async function searchUntil(url, query, accept, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  let results = [];
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/api/search/query?${new URLSearchParams(query)}`, {
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    const body = await res.json();
    if (!res.ok) {
      // Until the first collator run, Lunr has no index at all.
      assert.equal(body.error?.name, 'MissingIndexError', `search failed: ${JSON.stringify(body)}`);
      await sleep(2000);
      continue;
    }
    results = body.results;
    const hit = accept(results);
    if (hit) return { hit, results };
    await sleep(2000);
  }
  throw new Error(
    `no accepted result for ${JSON.stringify(query)} in ${timeoutMs} ms; got: ${results
      .map(r => `${r.type}:${r.document.title} ${r.document.location}`)
      .join(' | ')}`,
  );
}

async function checkSearch(url) {
  const byName = await searchUntil(url, { term: 'jellyfin', 'types[0]': 'software-catalog' }, rs =>
    rs.find(r => r.document.title === 'jellyfin' && r.document.kind === 'Component'),
  );
  assert.equal(byName.hit.document.location, '/catalog/default/component/jellyfin');

  const byHost = await searchUntil(url, { term: 'immich.homelab.example', 'types[0]': 'software-catalog' }, rs => rs[0]);
  assert.equal(byHost.hit.document.title, 'immich', 'the app whose ingress has the host comes first');
  // The host decides, not general ranking: another app's host puts that app first.
  const otherHost = await searchUntil(url, { term: 'jellyfin.homelab.example', 'types[0]': 'software-catalog' }, rs => rs[0]);
  assert.equal(otherHost.hit.document.title, 'jellyfin');

  const runbook = await searchUntil(url, { term: 'promotes the most advanced replica', 'types[0]': 'techdocs' }, rs =>
    rs.find(r => /runbooks\/cnpg-failover/.test(r.document.location)),
  );
  assert.equal(runbook.hit.document.kind, 'component');
  assert.equal(runbook.hit.document.name, 'homelab-gitops');

  // A README-only app: its generated docs were prebuilt and indexed.
  const readme = await searchUntil(url, { term: 'watch history', 'types[0]': 'techdocs' }, rs =>
    rs.find(r => r.document.name === 'jellyfin'),
  );
  assert.match(readme.hit.document.location, /^\/docs\/default\/component\/jellyfin\//);

  // Only the generated architecture pages say which apps use a data service:
  // no entity's own document, and no doc, has this line.
  const usedBy = 'pg-media used by immich, radarr, sonarr';
  const architecture = await searchUntil(url, { term: usedBy }, rs =>
    rs.find(r => r.type === 'homelab-architecture' && r.document.location === '/catalog/default/domain/media/architecture'),
  );
  assert.deepEqual(
    architecture.results.filter(r => r.type !== 'homelab-architecture' && r.document.text.includes(usedBy)).map(r => r.document.location),
    [],
    'no other document has the line',
  );
  const domainPage = await searchUntil(url, { term: usedBy, 'types[0]': 'homelab-architecture' }, rs =>
    rs.find(r => r.document.location === '/catalog/default/domain/media/architecture'),
  );
  assert.equal(domainPage.hit.document.title, 'Architecture of domain media');
  assert.deepEqual([domainPage.hit.document.kind, domainPage.hit.document.namespace, domainPage.hit.document.name], ['Domain', 'default', 'media']);
  assert.match(domainPage.hit.document.text, /Data services: .*pg-media \(postgres-cluster\) used by immich, radarr, sonarr/);
  // The two pages the line is on come first; pages of other domains and
  // systems, which Lunr still lists for the single words, after them.
  assert.deepEqual(domainPage.results.slice(0, 2).map(r => r.document.location).sort(), [
    '/catalog/default/domain/media/architecture',
    '/catalog/default/system/media-apps/architecture',
  ]);

  const nothing = await api(url, `/api/search/query?${new URLSearchParams({ term: 'qqzzxxyyww' })}`);
  assert.deepEqual((await nothing.json()).results, []);
}

let pgSkip;
before(async () => {
  pgSkip = await pgSkipReason();
});

after(async () => {
  if (!pgSkip) await databases.dropAll();
});

test('search on SQLite (Lunr) finds apps by name and host, runbooks and READMEs by their text, and architecture pages', async () => {
  const backend = await startBackend({
    port,
    name: 'search-sqlite',
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: fastIndexing,
  });
  try {
    await checkSearch(backend.url);
    // The docs were built on discovery's event, one progress line per entity.
    assert.match(backend.logs(), /TechDocs prebuild \(discovery of homelab-gitops\): \d+\/\d+ checked, \d+ built, 0 failed; component:default\/jellyfin (built|unchanged)/);
  } catch (e) {
    e.message += `\n--- backend log tail ---\n${backend.logs().slice(-3000)}`;
    throw e;
  } finally {
    await backend.stop();
  }
});

test('search on PostgreSQL (pg engine) finds the same things', async t => {
  if (pgSkip) {
    t.skip(pgSkip);
    return;
  }
  const backend = await startBackend({
    port,
    name: 'search-pg',
    database: databases.perPluginDatabases(),
    extraConfig: fastIndexing,
  });
  try {
    await checkSearch(backend.url);
    assert.ok(await databases.pluginDatabaseExists('search'), 'the index lives in the search plugin database');
  } catch (e) {
    e.message += `\n--- backend log tail ---\n${backend.logs().slice(-3000)}`;
    throw e;
  } finally {
    await backend.stop();
  }
});
