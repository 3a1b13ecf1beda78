// The portal's front pages in Chromium on the embedded default: the home page
// with every section filled from the example data, a generated architecture
// page with its diagram, search results, the catalog at three widths and the
// main pages at phone width. Screenshots: see lib/screenshots.mjs
// (UPDATE_SCREENSHOTS=1 copies them into docs/screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackend, waitForEntities } from './lib/backend.mjs';
import { screenshot } from './lib/screenshots.mjs';
import { launchChromium, signIn } from './lib/browser.mjs';

const port = Number(process.env.E2E_PAGES_PORT ?? 7114);

let backend;
let browser;

async function guestPage(width, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', err => errors.push(err.message));
  await signIn(page, backend.url);
  return { page, errors };
}

/** Fails when the page scrolls sideways. */
async function assertNoSidewaysScroll(page, what) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client + 1, `${what} scrolls sideways: ${scroll} px content in ${client} px`);
}

before(async () => {
  backend = await startBackend({
    port,
    name: 'pages',
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: {
      search: {
        collators: {
          catalog: { schedule: { frequency: 'PT20S', timeout: 'PT3M', initialDelay: 'PT15S' } },
          techdocs: { schedule: { frequency: 'PT30S', timeout: 'PT3M', initialDelay: 'PT30S' } },
          homelabArchitecture: { schedule: { frequency: 'PT20S', timeout: 'PT3M', initialDelay: 'PT15S' } },
        },
      },
    },
  });
  browser = await launchChromium();
  await waitForEntities(backend.url, list => list.some(e => e.metadata.name === 'jellyfin') && list.some(e => e.metadata.name === 'media-apps'));
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

test('the home page: search, Create an app, your apps, platform health, recent changes and quick links by domain', async () => {
  const { page, errors } = await guestPage(1440, 1100);
  await page.getByRole('search', { name: 'Search the homelab' }).waitFor();
  // Guest acts for group:admins, which owns most example apps.
  await page.getByRole('heading', { name: 'Your apps' }).waitFor();
  await page.getByRole('link', { name: 'jellyfin', exact: true }).first().waitFor();
  const health = page.getByLabel('Platform health');
  await health.getByText('Ceph:').waitFor();
  await health.getByText(/HEALTH_WARN/).waitFor();
  await health.getByText(/Postgres backups:/).waitFor();
  await health.getByText(/Argo CD:/).waitFor();
  await page.getByRole('heading', { name: 'Apps by domain' }).waitFor();
  await page.getByRole('heading', { name: 'media', exact: true }).waitFor();
  // Recently changed: from the checkout's git history. It holds at least the
  // seed commit (which touched every app); the create-app e2e may add more.
  const recent = page.getByLabel('Recently changed components');
  await recent.getByRole('heading', { name: 'Recently changed' }).waitFor();
  await recent.locator('a[href^="/catalog/default/component/"]').first().waitFor();
  assert.equal(await recent.getByText(/not by change date/).count(), 0, 'the checkout is a git repo: no catalog fallback');
  assert.ok((await recent.getByText(/ by .+ · [0-9a-f]{7}$/).count()) >= 1, 'each change names its age, author and commit');
  const jellyfinLink = page.locator('a[href="https://jellyfin.homelab.example"]').first();
  await jellyfinLink.waitFor();
  await screenshot(page, 'home.png', { fullPage: true });
  assert.deepEqual(errors, []);

  await page.getByLabel('Search apps, docs and hosts').fill('jellyfin');
  await page.getByRole('search', { name: 'Search the homelab' }).getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/search\?query=jellyfin/);
  await page.close();
});

test('a generated architecture page lists the system and draws its dependencies', async () => {
  const { page, errors } = await guestPage(1440, 1400);
  await page.goto(`${backend.url}/catalog/default/system/media-apps/architecture`, { waitUntil: 'networkidle' });
  await page.getByText('Components and their dependencies').waitFor();
  await page.getByRole('heading', { name: 'Data services' }).waitFor();
  await page.getByRole('link', { name: 'pg-media' }).first().waitFor();
  // The catalog-graph draws nodes for the components and their data services.
  await page.locator('svg g[data-testid="node"]', { hasText: 'immich' }).first().waitFor();
  await page.locator('svg g[data-testid="node"]', { hasText: 'pg-media' }).first().waitFor();
  // It links the repo's hand-written docs/architecture.md, found by discovery.
  const handWritten = page.getByRole('link', { name: 'architecture page' });
  assert.equal(await handWritten.getAttribute('href'), '/docs/default/component/homelab-gitops/architecture/');
  await screenshot(page, 'architecture.png', { fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('search results: typing an ingress host finds its app', async () => {
  const { page } = await guestPage(1440, 1000);
  const deadline = Date.now() + 180_000;
  for (;;) {
    await page.goto(`${backend.url}/search?query=immich.homelab.example`, { waitUntil: 'networkidle' });
    const found = await page.getByRole('link', { name: /^immich/ }).first().isVisible().catch(() => false);
    if (found) break;
    assert.ok(Date.now() < deadline, 'the search page never listed immich for its host');
    await sleep(5000);
  }
  await screenshot(page, 'search.png', { fullPage: true });
  await page.close();
});

test('search results: a generated architecture page, under its own result type', async () => {
  const { page, errors } = await guestPage(1440, 1000);
  const deadline = Date.now() + 180_000;
  const result = page.getByRole('link', { name: 'Architecture of domain media' });
  for (;;) {
    await page.goto(`${backend.url}/search?query=${encodeURIComponent('pg-media used by immich, radarr, sonarr')}`, { waitUntil: 'networkidle' });
    if (await result.first().isVisible().catch(() => false)) break;
    assert.ok(Date.now() < deadline, 'the search page never listed the media domain architecture page');
    await sleep(5000);
  }
  assert.equal(await result.first().getAttribute('href'), '/catalog/default/domain/media/architecture');
  // The Result Type filter offers the type, and picking it keeps the page.
  await page.getByRole('navigation', { name: 'filter by type' }).getByRole('button', { name: /^Architecture/ }).click();
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('types[]') === 'homelab-architecture');
  await result.first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the header search on any page: typing a host finds its app', async () => {
  // Runs after the search results test, so the index already holds the hosts.
  const { page, errors } = await guestPage(1440, 1000);
  await page.goto(`${backend.url}/catalog`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Search the portal' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('immich.homelab.example');
  await dialog.getByRole('link', { name: /^immich/ }).first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'header-search.png');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // The `/` shortcut opens it too, from an entity page whose header Backstage owns.
  await page.goto(`${backend.url}/catalog/default/component/jellyfin`, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  await page.getByRole('dialog').getByRole('textbox').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

for (const width of [1280, 1440, 1920]) {
  test(`the catalog at ${width} px keeps every name on one line`, async () => {
    const { page } = await guestPage(width, 1000);
    await page.goto(`${backend.url}/catalog`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'ai-shared', exact: true }).or(page.getByRole('link', { name: 'jellyfin', exact: true })).first().waitFor();
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('table tbody tr td:first-child a')]
        .filter(a => a.getClientRects().length > 1 || a.getBoundingClientRect().height > 30)
        .map(a => a.textContent),
    );
    assert.deepEqual(broken, [], `names broken over lines at ${width} px`);
    // Every column fits: the table does not scroll sideways inside its card.
    const overflow = await page.evaluate(() => {
      let el = document.querySelector('table')?.parentElement;
      while (el && getComputedStyle(el).overflowX === 'visible') el = el.parentElement;
      return el ? el.scrollWidth - el.clientWidth : 0;
    });
    assert.ok(overflow <= 1, `the catalog table scrolls sideways by ${overflow} px at ${width} px`);
    await page.getByRole('columnheader', { name: 'Scorecard' }).waitFor();
    await page.getByRole('columnheader', { name: 'Argo' }).waitFor();
    await screenshot(page, `catalog-${width}.png`);
    await page.close();
  });
}

test('at phone width (390 px) home, Platform, catalog and an app page do not scroll sideways', async () => {
  const { page } = await guestPage(390, 844);
  await assertNoSidewaysScroll(page, 'the home page');
  await screenshot(page, 'phone-home.png', { fullPage: true });
  for (const [path, name, ready] of [
    ['/platform', 'phone-platform.png', 'Platform overview'],
    ['/catalog', 'phone-catalog.png', 'Homelab Catalog'],
    ['/catalog/default/component/jellyfin', 'phone-app.png', 'jellyfin'],
  ]) {
    await page.goto(`${backend.url}${path}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: ready }).first().waitFor();
    await screenshot(page, name, { fullPage: true });
    await assertNoSidewaysScroll(page, path);
  }
  await page.close();
});
