// The permission policy end to end: the real backend (embedded default, in
// development so the two guest identities sign in), real user tokens minted
// by the auth backend, the real catalog and scaffolder. Then a friend in the
// browser. The templates below are fixtures of this test only: an
// admin-tagged "platform" template and an app template with an admin-only
// parameter page and step. When the repo's real `templates/` are present,
// their admin templates are checked as well. The domain rule (friends create
// only into their group's `homelab.permissions.friendDomains`) is run with the
// real `homelab-app-with-postgres` template: a friend's task into domain ai
// fails on the policy, one into media runs to its branch, and in the browser
// the review preview shows the refusal by the server (the domain picker offers
// every app domain; it is not what keeps a friend out). The policy is also
// tested against an action fixture in
// plugins/permission-backend-module-homelab/src/HomelabPolicy.http.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot, startBackend, waitForEntities } from './lib/backend.mjs';
import { launchChromium, signIn as signInInBrowser } from './lib/browser.mjs';
import { screenshot } from './lib/screenshots.mjs';

const port = Number(process.env.E2E_PERMISSIONS_PORT ?? 7262);

const ADMIN_TEMPLATE = 'e2e-platform-fixture';
const APP_TEMPLATE = 'e2e-app-fixture';
// The repo's real app template, and the checkout its publish step commits to.
const REAL_APP_TEMPLATE = 'homelab-app-with-postgres';
const CHECKOUT = join(repoRoot, 'data/gitops/homelab-gitops');

/** The real template's required values for a friend's app `name` in `domain`. */
const realAppValues = (name, domain) => ({
  name,
  domain,
  owner: 'user:default/guest-friend',
  image: 'ghcr.io/example/notes:1.0.0',
  hostname: `${name}.homelab.example`,
  postgresCluster: 'pg-media',
});

/** The branches the real template's publish step made for app `name`. */
const branchesFor = name =>
  execFileSync('git', ['-C', CHECKOUT, 'branch', '--list', `homelab/add-${name}-*`], { encoding: 'utf-8' }).trim();

const fixtures = [
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: ADMIN_TEMPLATE, title: 'E2E platform fixture', tags: ['admin'] },
    spec: {
      owner: 'group:default/admins',
      type: 'platform',
      parameters: [{ title: 'Cluster', properties: { note: { type: 'string', title: 'Note' } } }],
      steps: [{ id: 'log', name: 'Log', action: 'debug:log', input: { message: 'platform' } }],
    },
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: APP_TEMPLATE, title: 'E2E app fixture', tags: ['app'] },
    spec: {
      owner: 'group:default/admins',
      type: 'service',
      parameters: [
        {
          title: 'App',
          required: ['domain'],
          properties: { domain: { type: 'string', title: 'Domain' } },
        },
        {
          title: 'Admin only',
          'backstage:permissions': { tags: ['admin'] },
          properties: { nodeSelector: { type: 'string', title: 'Node selector' } },
        },
      ],
      steps: [
        {
          id: 'write',
          name: 'Write',
          action: 'debug:log',
          input: { message: 'writing into ${{ parameters.domain }}' },
        },
        {
          id: 'admin-step',
          name: 'Admin-only step',
          action: 'debug:log',
          'backstage:permissions': { tags: ['admin'] },
          input: { message: 'admin step' },
        },
      ],
    },
  },
];

/** Admin-tagged templates of the repo's own `templates/` folder, when it exists. */
function realAdminTemplates() {
  const dir = join(repoRoot, 'templates');
  if (!existsSync(dir)) return [];
  const names = [];
  const walk = d => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
          const e = doc.toJS();
          if (e?.kind === 'Template' && e.metadata?.tags?.includes('admin')) names.push(e.metadata.name);
        }
      }
    }
  };
  walk(dir);
  return names;
}

let backend;
const tokens = {};

async function call(who, path, init = {}) {
  const headers = { 'content-type': 'application/json', ...init.headers };
  if (who) headers.authorization = `Bearer ${tokens[who]}`;
  return fetch(`${backend.url}${path}`, { ...init, headers });
}

async function signIn(provider) {
  const res = await fetch(`${backend.url}/api/auth/${provider}/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = await res.text();
  assert.equal(res.status, 200, `sign-in with ${provider}: ${body}`);
  return JSON.parse(body).backstageIdentity;
}

async function runTask(who, templateName, values) {
  const res = await call(who, '/api/scaffolder/v2/tasks', {
    method: 'POST',
    body: JSON.stringify({ templateRef: `template:default/${templateName}`, values }),
  });
  if (res.status !== 201) return { status: res.status, body: await res.text() };
  const { id } = await res.json();
  for (let i = 0; i < 120; i++) {
    const task = await (await call(who, `/api/scaffolder/v2/tasks/${id}`)).json();
    if (['completed', 'failed', 'cancelled'].includes(task.status)) {
      const events = await (await call(who, `/api/scaffolder/v2/tasks/${id}/events`)).json();
      return { status: 201, id, task, log: events.map(e => e.body?.message ?? '').join('\n') };
    }
    await sleep(500);
  }
  throw new Error(`task ${id} did not finish`);
}

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-permissions-fixtures-'));
  const fixtureFile = join(dir, 'templates.yaml');
  writeFileSync(fixtureFile, fixtures.map(f => JSON.stringify(f)).join('\n---\n'));
  // Arrays replace on merge: keep the default locations, add the fixtures.
  const defaults = parse(readFileSync(join(repoRoot, 'app-config.yaml'), 'utf8'));
  const locations = [
    ...defaults.catalog.locations,
    { type: 'file', target: fixtureFile, rules: [{ allow: ['Template'] }] },
  ];
  backend = await startBackend({
    port,
    name: 'permissions',
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: { catalog: { ...defaults.catalog, locations } },
  });
  await waitForEntities(backend.url, list =>
    [ADMIN_TEMPLATE, APP_TEMPLATE, REAL_APP_TEMPLATE, 'guest', 'guest-friend', 'jellyfin', 'pg-media'].every(name =>
      list.some(e => e.metadata.name === name),
    ),
  );
  const admin = await signIn('guest');
  const friend = await signIn('guest-friend');
  assert.ok(admin.identity.ownershipEntityRefs.includes('group:default/admins'));
  assert.deepEqual(friend.identity.ownershipEntityRefs.sort(), [
    'group:default/friends',
    'user:default/guest-friend',
  ]);
  tokens.admin = admin.token;
  tokens.friend = friend.token;
});

after(async () => {
  await backend?.stop();
});

describe('through the HTTP API', () => {
  test('nobody unauthenticated reads the catalog', async () => {
    const res = await call(undefined, '/api/catalog/entities?limit=1');
    assert.equal(res.status, 401);
  });

  test('templates: the admin sees both, the friend only the app template', async () => {
    const names = async who =>
      (await (await call(who, '/api/catalog/entities?filter=kind=template')).json())
        .map(e => e.metadata.name)
        .filter(n => n.startsWith('e2e-'))
        .sort();
    assert.deepEqual(await names('admin'), [ADMIN_TEMPLATE, APP_TEMPLATE].sort());
    assert.deepEqual(await names('friend'), [APP_TEMPLATE]);
    const direct = await call('friend', `/api/catalog/entities/by-name/template/default/${ADMIN_TEMPLATE}`);
    assert.equal(direct.status, 404);
  });

  test("the repo's real admin templates are hidden from friends (when templates/ exists)", async t => {
    const admins = realAdminTemplates();
    if (admins.length === 0) {
      t.skip('no templates/ folder with admin-tagged templates on this branch');
      return;
    }
    for (const name of admins) {
      const res = await call('friend', `/api/catalog/entities/by-name/template/default/${name}`);
      assert.equal(res.status, 404, `friend reads admin template ${name}`);
    }
  });

  test('admin-tagged parameters and steps are left out for the friend', async () => {
    const schema = async who =>
      (await call(who, `/api/scaffolder/v2/templates/default/template/${APP_TEMPLATE}/parameter-schema`)).json();
    const admin = await schema('admin');
    const friend = await schema('friend');
    assert.deepEqual(admin.steps.map(s => s.title), ['App', 'Admin only']);
    assert.deepEqual(friend.steps.map(s => s.title), ['App']);
  });

  test('a friend cannot run the admin template', async () => {
    const res = await runTask('friend', ADMIN_TEMPLATE, { note: 'x' });
    assert.notEqual(res.status, 201, 'the task must not be created');
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}: ${res.body}`);
  });

  test('a friend runs the app template without its admin-only step', async () => {
    const res = await runTask('friend', APP_TEMPLATE, { domain: 'media' });
    assert.equal(res.task.status, 'completed', res.log);
    assert.match(res.log, /writing into media/);
    assert.doesNotMatch(res.log, /admin step/, 'the admin-only step does not run for a friend');
  });

  test('an admin runs it with the admin-only step', async () => {
    const res = await runTask('admin', APP_TEMPLATE, { domain: 'ai' });
    assert.equal(res.task.status, 'completed', res.log);
    assert.match(res.log, /admin step/);
  });

  test('a friend sees only their own tasks', async () => {
    const list = async who => (await (await call(who, '/api/scaffolder/v2/tasks')).json()).tasks;
    const friendTasks = await list('friend');
    assert.ok(friendTasks.length >= 1);
    assert.deepEqual([...new Set(friendTasks.map(t => t.createdBy))], ['user:default/guest-friend']);
    const adminTasks = await list('admin');
    assert.ok(adminTasks.some(t => t.createdBy === 'user:default/guest'));
    assert.ok(adminTasks.some(t => t.createdBy === 'user:default/guest-friend'));
  });

  test('a friend cannot register locations or delete entities', async () => {
    const location = await call('friend', '/api/catalog/locations', {
      method: 'POST',
      body: JSON.stringify({ type: 'url', target: 'https://example.com/catalog-info.yaml' }),
    });
    assert.equal(location.status, 403);

    const [jellyfin] = await (
      await call('admin', '/api/catalog/entities?filter=kind=component,metadata.name=jellyfin')
    ).json();
    const del = await call('friend', `/api/catalog/entities/by-uid/${jellyfin.metadata.uid}`, { method: 'DELETE' });
    assert.equal(del.status, 403);
    const still = await call('friend', '/api/catalog/entities/by-name/component/default/jellyfin');
    assert.equal(still.status, 200, 'jellyfin is still there');
  });

  test("a friend's dry-run previews an app in their domains; a step writing into another domain is refused", async () => {
    // The real homelab:app:plan action (it takes the `domain` input the
    // policy keys on). The review step of the app form runs exactly this.
    const template = domain => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: `e2e-plan-${domain}` },
      spec: {
        owner: 'group:default/admins',
        type: 'service',
        parameters: [],
        steps: [{ id: 'plan', name: 'Plan', action: 'homelab:app:plan', input: { kind: 'web', domain, name: 'e2e-probe' } }],
      },
    });
    const dryRun = async (who, domain) => {
      const res = await call(who, '/api/scaffolder/v2/dry-run', {
        method: 'POST',
        body: JSON.stringify({ template: template(domain), values: {}, directoryContents: [] }),
      });
      return { status: res.status, text: await res.text() };
    };
    const notAllowed = /not allowed|NotAllowed|unauthori[sz]ed/i;
    const forbidden = await dryRun('friend', 'ai');
    assert.match(`${forbidden.status} ${forbidden.text}`, notAllowed, `friend into ai: ${forbidden.status} ${forbidden.text.slice(0, 400)}`);
    for (const [who, domain] of [['friend', 'media'], ['admin', 'ai']]) {
      const allowed = await dryRun(who, domain);
      assert.notEqual(allowed.status, 403, `${who} into ${domain}`);
      assert.doesNotMatch(allowed.text, notAllowed, `${who} into ${domain}: ${allowed.text.slice(0, 400)}`);
    }
  });

  test('the real app template: a friend\'s task into a forbidden domain fails on the policy, into their own it runs', async () => {
    // Server-side, whatever the form offers: the task is created (friends may
    // run the template) and its first domain-writing step is refused.
    const refused = await runTask('friend', REAL_APP_TEMPLATE, realAppValues('e2e-friend-ai', 'ai'));
    assert.equal(refused.status, 201, refused.body);
    assert.equal(refused.task.status, 'failed', refused.log);
    assert.match(refused.log, /Unauthorized action: homelab:app:plan\. The action is not allowed/);
    assert.doesNotMatch(refused.log, /homelab:app:write|Write the files/, 'nothing after the refused plan runs');
    assert.equal(branchesFor('e2e-friend-ai'), '', 'no branch was committed for the refused app');

    const allowed = await runTask('friend', REAL_APP_TEMPLATE, realAppValues('e2e-friend-media', 'media'));
    assert.equal(allowed.status, 201, allowed.body);
    assert.doesNotMatch(allowed.log, /Unauthorized action|not allowed/i);
    assert.equal(allowed.task.status, 'completed', allowed.log);
    assert.match(branchesFor('e2e-friend-media'), /homelab\/add-e2e-friend-media-\d{14}/);
  });

  test('registering a location passes the policy for an admin, not for a friend', async () => {
    // No network here: for the admin the read of the URL fails after the
    // permission check, for the friend the check itself refuses.
    const body = JSON.stringify({ type: 'url', target: 'http://127.0.0.1:9/catalog-info.yaml' });
    const admin = await call('admin', '/api/catalog/locations?dryRun=true', { method: 'POST', body });
    assert.notEqual(admin.status, 403, await admin.text());
    const friend = await call('friend', '/api/catalog/locations?dryRun=true', { method: 'POST', body });
    assert.equal(friend.status, 403);
  });

  test('friends and admins read the live state', async () => {
    for (const who of ['admin', 'friend']) {
      const res = await call(who, '/api/homelab-state/overview');
      assert.equal(res.status, 200, `${who}: ${res.status}`);
    }
  });
});

describe('in the browser, as a friend', () => {
  let browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  test('the platform template and admin-only parameters are absent for a friend', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // Two guest cards: "Guest" (Enter, the admin) and "Guest (friend)".
    await signInInBrowser(page, backend.url, 'friend');

    await page.goto(`${backend.url}/create`, { waitUntil: 'networkidle' });
    await page.getByText('E2E app fixture').first().waitFor();
    assert.equal(await page.getByText('E2E platform fixture').count(), 0, 'the platform template is not offered');

    // The admin-only parameter page is not part of the friend's form.
    await page.goto(`${backend.url}/create/templates/default/${APP_TEMPLATE}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Domain').waitFor();
    assert.equal(await page.getByText('Admin only').count(), 0);
    await page.close();
  });

  test('the real app template: the form offers domain ai, the preview shows the server refusing it, media previews', async () => {
    // The picker offers every app domain: the policy, not the form, is the
    // truth about where a friend may create. The review step's dry-run
    // meets the policy and says which domain was refused.
    const errors = [];
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', err => errors.push(err.message));
    await signInInBrowser(page, backend.url, 'friend');
    await page.goto(`${backend.url}/create/templates/default/${REAL_APP_TEMPLATE}`, { waitUntil: 'networkidle' });

    const pick = async (field, option) => {
      await page.locator(`#root_${field}`).click();
      await page.getByRole('option', { name: option }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    };
    await page.locator('#root_name').fill('e2e-friend-form');
    await page.waitForFunction(() => document.querySelector('#root_hostname')?.value === 'e2e-friend-form.homelab.example');
    await pick('domain', 'ai');
    await page.locator('#root_owner').getByText('guest-friend (user) · you').waitFor();
    await page.locator('#root_image').fill('ghcr.io/example/notes:1.0.0');
    await pick('postgresCluster', /^pg-media/);

    const toReview = async () => {
      for (let i = 0; i < 6 && !(await page.getByText('What will change').count()); i++) {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.waitForLoadState('networkidle');
      }
    };
    await toReview();
    await page.getByText('The dry-run failed (HTTP 403 Forbidden)').waitFor({ timeout: 60_000 });
    await page
      .getByText('You may not create apps in domain ai: the permission policy refused the step homelab:app:plan.')
      .waitFor();
    assert.equal(await page.getByText(/files? to create/).count(), 0, 'no plan is shown for a refused domain');
    await screenshot(page, 'permissions-friend-forbidden-domain.png', { fullPage: true });

    // Back to the first page, into the friend's own domain: the same form previews the plan.
    for (let i = 0; i < 6 && !(await page.locator('#root_domain').count()); i++) {
      await page.getByRole('button', { name: 'Back' }).click();
    }
    await pick('domain', 'media');
    await toReview();
    await page.getByText(/^\d+ files? to create, \d+ to change\.$/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Create cluster/apps/media/e2e-friend-form/deployment.yaml' }).waitFor();
    assert.equal(await page.getByText(/You may not create apps/).count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
