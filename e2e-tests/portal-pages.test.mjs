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

/**
 * Cards on an entity page that stock Backstage draws with its own tables
 * (catalog relations, APIs): the portal cannot restyle them, so the phone
 * check below leaves them out. Everything else on the pages is ours.
 */
const STOCK_CARDS = ['About', 'Links', 'Provided APIs', 'Consumed APIs', 'Depends on components', 'Depends on resources', 'Has subcomponents', 'Relations'];

/**
 * What a squeezed layout does to text, found in the page's main content:
 * words broken over lines (a column squeezed to a letter each: "Cl / u / st /
 * er") and text running past the edge of a box that clips it (or past the
 * screen). Breaks at spaces, hyphens, slashes and dots are allowed: long
 * paths may wrap there.
 */
async function squeezedText(page) {
  return page.evaluate(stockCards => {
    const main = document.querySelector('main') ?? document.body;
    // A stock card is the paper around a heading with one of their titles.
    const stock = [...main.querySelectorAll('h1, h2, h3, h4, h5, h6, .MuiCardHeader-title')]
      .filter(h => stockCards.includes(h.textContent.trim()))
      .map(h => h.closest('.bui-Card, [class*="MuiPaper-root"]'))
      .filter(Boolean);
    const skipped = el => el.closest('svg') || stock.some(card => card.contains(el));
    const screenRight = document.documentElement.clientWidth;
    const broken = [];
    const cut = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.data.trim() || skipped(el) || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // Visually hidden text (", Opens in a new window" for screen readers) is clipped on purpose.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // A run of text without spaces that is longer than a phone line (a commit
      // hash, a long path) may break anywhere; in a shorter one, only at a
      // hyphen, slash or dot.
      for (const run of node.data.matchAll(/\S+/g)) {
        if (run[0].length > 24) continue;
        for (const m of run[0].matchAll(/[^\-/.,;:()·–—→"']{2,}/g)) {
          const start = run.index + m.index;
          range.setStart(node, start);
          range.setEnd(node, start + m[0].length);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
      range.selectNodeContents(node);
      const right = Math.max(...[...range.getClientRects()].map(r => r.right));
      let clipper = el;
      while (clipper && clipper !== main && getComputedStyle(clipper).overflowX === 'visible') clipper = clipper.parentElement;
      const edge = Math.min(screenRight, clipper ? clipper.getBoundingClientRect().right : screenRight);
      if (right > edge + 1) cut.push(node.data.trim().slice(0, 40));
    }
    return { broken: [...new Set(broken)], cut: [...new Set(cut)] };
  }, STOCK_CARDS);
}

test('at phone width (390 px) home, Platform, catalog and an app page read well: no sideways scroll, no squeezed columns', async () => {
  const { page } = await guestPage(390, 844);
  await page.getByLabel('Platform health').getByText(/Postgres backups:/).waitFor();
  await screenshot(page, 'phone-home.png', { fullPage: true });
  await assertNoSidewaysScroll(page, 'the home page');
  // Every page's findings first, then one assertion: a failure names them all.
  const squeezed = { '/': await squeezedText(page) };
  for (const [path, name, ready] of [
    ['/platform', 'phone-platform.png', 'Postgres (CloudNativePG)'],
    ['/catalog', 'phone-catalog.png', 'jellyfin'],
    ['/catalog/default/component/jellyfin', 'phone-app.png', 'Dependencies found in the repo'],
  ]) {
    await page.goto(`${backend.url}${path}`, { waitUntil: 'networkidle' });
    await page.getByText(ready, { exact: true }).first().waitFor();
    await screenshot(page, name, { fullPage: true });
    await assertNoSidewaysScroll(page, path);
    squeezed[path] = await squeezedText(page);
  }
  const clean = { broken: [], cut: [] };
  assert.deepEqual(squeezed, { '/': clean, '/platform': clean, '/catalog': clean, '/catalog/default/component/jellyfin': clean }, 'words broken over lines or cut off at 390 px');
  // The phone layout, not only its absence of overflow: tables of ours are stacked cards.
  await page.goto(`${backend.url}/platform`, { waitUntil: 'networkidle' });
  const postgres = page.getByRole('list', { name: 'Postgres clusters' });
  await postgres.waitFor();
  assert.ok((await postgres.getByRole('listitem').count()) >= 1, 'one card per Postgres cluster');
  await page.close();
});
