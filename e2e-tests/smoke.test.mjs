// The e2e smoke test: the built app served by the real backend on the
// embedded default (SQLite, example GitOps repo), driven in Debian's Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { api, startBackend, waitForEntities } from './lib/backend.mjs';
import { screenshot } from './lib/screenshots.mjs';
import { launchChromium, signIn } from './lib/browser.mjs';

const port = Number(process.env.E2E_PORT ?? 7107);

// Names GitOps discovery derives from the example repo (no catalog file
// lists them); a change there shows up here.
const EXPECTED = [
  ['Domain', 'platform'],
  ['Domain', 'media'],
  ['System', 'data'],
  ['System', 'media-apps'],
  ['Component', 'jellyfin'],
  ['Component', 'portfolio-prod'],
  ['Component', 'rook-ceph'],
  ['Component', 'homelab-gitops'],
  ['Resource', 'pg-media'],
  ['Resource', 'llm-serve'],
  ['Component', 'homelab-portal'],
];

let backend;
let browser;

/** A page signed in as guest on the catalog; page errors are collected into `errors`. */
async function guestPage(height, errors = []) {
  const page = await browser.newPage({ viewport: { width: 1400, height } });
  page.on('pageerror', err => errors.push(err.message));
  // The home page is the front door; the catalog lives at /catalog.
  await signIn(page, backend.url);
  await page.goto(`${backend.url}/catalog`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: /Homelab Catalog/ }).waitFor();
  return page;
}

before(async () => {
  backend = await startBackend({
    port,
    name: 'smoke',
    database: { client: 'better-sqlite3', connection: ':memory:' },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

test('the catalog API lists the example repo entities', async () => {
  const entities = await waitForEntities(backend.url, list =>
    EXPECTED.every(([kind, name]) =>
      list.some(e => e.kind === kind && e.metadata.name === name),
    ),
  );
  assert.ok(entities.length >= EXPECTED.length);
});

test('a guest opens the catalog and an entity page in the browser', async () => {
  const errors = [];
  const page = await guestPage(900, errors);
  await page.getByRole('link', { name: 'jellyfin', exact: true }).waitFor();
  await screenshot(page, 'catalog.png');

  await page.getByRole('link', { name: 'jellyfin', exact: true }).click();
  await page.waitForURL(/\/catalog\/default\/component\/jellyfin/);
  await page.getByRole('heading', { name: 'jellyfin' }).first().waitFor();
  await page.getByText('About').first().waitFor();
  await screenshot(page, 'entity-page.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an app page shows its dependencies, why, and its convention scorecard', async () => {
  const page = await guestPage(1800);
  await page.goto(`${backend.url}/catalog/default/component/sonarr`, { waitUntil: 'networkidle' });
  await page.getByText('Convention scorecard').waitFor();
  await page.getByText(/Ingress sonarr has no tls section/).waitFor();
  await page.getByText('Dependencies found in the repo').waitFor();
  await page.getByText(/"pg-media-rw" in ConfigMap/).waitFor();
  await screenshot(page, 'entity-scorecard.png', { fullPage: true });
  await page.close();
});

test('the platform overview shows live state from the recorded example cluster', async () => {
  const errors = [];
  const page = await guestPage(1700, errors);
  await page.getByRole('link', { name: 'Platform' }).first().click();
  await page.getByRole('heading', { name: 'Platform overview' }).waitFor();
  await page.getByText('Storage (Ceph)').waitFor();
  await page.getByText('HEALTH_WARN').first().waitFor();
  await page.getByText(/Switchover in progress/).first().waitFor();
  await page.getByLabel('Age of the last successful backup per Postgres cluster').waitFor();
  await page.getByText(/Needs attention/).waitFor();
  await screenshot(page, 'platform-overview.png', { fullPage: true });

  await page.goto(`${backend.url}/catalog/default/resource/pg-media/live-state`, { waitUntil: 'networkidle' });
  await page.getByText('Live state: Cluster database/pg-media').waitFor();
  await page.getByText(/becoming primary/).waitFor();
  // The apps relying on it, from discovery's relations.
  await page.getByText('Used by:').waitFor();
  await page.getByRole('link', { name: 'immich' }).first().waitFor();
  await screenshot(page, 'postgres-live-state.png', { fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("TechDocs builds the example repo's architecture doc and runbooks", async () => {
  const sync = await api(backend.url, '/api/techdocs/sync/default/component/homelab-gitops', {
    headers: { accept: 'text/event-stream' },
  });
  const log = await sync.text();
  assert.doesNotMatch(log, /event: error/, `docs build failed: ${log.slice(-2000)}`);
  const search = await api(backend.url, '/api/techdocs/static/docs/default/component/homelab-gitops/search/search_index.json');
  const locations = (await search.json()).docs.map(d => d.location);
  assert.ok(locations.some(l => /runbooks\/cnpg-failover/.test(l)), `runbooks are indexed: ${locations.join(', ')}`);
});

test("TechDocs builds the portal's own docs with the local generator", async () => {
  // The sync endpoint streams build progress and finishes once published.
  const sync = await api(backend.url, '/api/techdocs/sync/default/component/homelab-portal', {
    headers: { accept: 'text/event-stream' },
  });
  const log = await sync.text();
  assert.match(log, /"updated"|"cached"|finish/, `unexpected sync stream: ${log.slice(-2000)}`);
  const index = await api(backend.url, '/api/techdocs/static/docs/default/component/homelab-portal/index.html');
  assert.match(await index.text(), /Homelab Portal/);
  const search = await api(backend.url, '/api/techdocs/static/docs/default/component/homelab-portal/search/search_index.json');
  const docs = (await search.json()).docs;
  assert.ok(docs.some(d => /configuration/i.test(d.location)), 'the search index covers the configuration page');
});
