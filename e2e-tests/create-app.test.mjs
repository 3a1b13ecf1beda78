// The browser e2e of self-service app creation: a guest opens Create, picks a
// template, fills the form with the homelab fields, sees the dry-run preview
// of every file, creates the app and sees the task succeed. Real backend on
// the embedded default, Debian's Chromium.
//
// Two templates drive it: the e2e fixture (e2e-tests/fixtures), which
// exercises every field and the preview through the real scaffolder without
// the homelab actions, and the real `app-with-postgres` template, which plans,
// previews and commits a branch to the embedded GitOps checkout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { api, repoRoot, startBackend, waitForEntities } from './lib/backend.mjs';
import { screenshot } from './lib/screenshots.mjs';
import { launchChromium, signIn } from './lib/browser.mjs';

const port = Number(process.env.E2E_CREATE_PORT ?? 7112);
const FIXTURE = join(repoRoot, 'e2e-tests/fixtures/homelab-form-template.yaml');
const APP_TEMPLATE = 'homelab-app-with-postgres';

let backend;
let browser;

before(async () => {
  // The portal's own catalog locations plus the fixture template.
  const appConfig = parse(readFileSync(join(repoRoot, 'app-config.yaml'), 'utf-8'));
  backend = await startBackend({
    port,
    name: 'create-app',
    database: { client: 'better-sqlite3', connection: ':memory:' },
    extraConfig: {
      catalog: {
        locations: [
          ...appConfig.catalog.locations,
          { type: 'file', target: FIXTURE, rules: [{ allow: ['Template'] }] },
        ],
      },
    },
  });
  browser = await launchChromium();
  await waitForEntities(backend.url, list =>
    list.some(e => e.kind === 'Template' && e.metadata.name === 'e2e-homelab-form') &&
    list.some(e => e.kind === 'Resource' && e.metadata.name === 'pg-media'),
  );
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

async function guestPage(errors) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', err => errors.push(err.message));
  await signIn(page, backend.url);
  return page;
}

/** Picks `option` in the MUI select of the form field `field`. */
async function pick(page, field, option) {
  await page.locator(`#root_${field}`).click();
  await page.getByRole('option', { name: option }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** Fills the app page of the form the way a friend would, seeing each field's checks. */
async function fillAppForm(page, { ingressClass } = {}) {
  const name = page.locator('#root_name');
  await name.fill('jellyfin');
  await page.getByText(/An app named "jellyfin" already exists: component:default\/jellyfin/).waitFor();
  await name.fill('Photos');
  await page.getByText('"Photos" has capital letters; use lowercase (photos).').waitFor();
  await name.fill('photos');

  // The host follows the name inside the base domain learned from the repo.
  await page.waitForFunction(() => document.querySelector('#root_hostname')?.value === 'photos.homelab.example');

  await pick(page, 'domain', 'media');
  // The owner starts as the signed-in user.
  await page.locator('#root_owner').getByText('guest (user) · you').waitFor();

  const image = page.locator('#root_image');
  await image.fill('ghcr.io/example/photos:latest');
  await page.getByText(/uses the tag latest; pin a version/).waitFor();
  await image.fill('ghcr.io/example/photos:1.4.0');

  await pick(page, 'postgresCluster', /^pg-media/);
  if (ingressClass) await pick(page, 'ingressClass', new RegExp(`^${ingressClass}`));
  const description = page.locator('#root_description');
  if (await description.count()) await description.fill('Family photos: kind: Secret stays text');
}

async function taskOf(page) {
  await page.waitForURL(/\/create\/tasks\/[^/]+$/);
  const taskId = page.url().split('/').pop();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const task = await (await api(backend.url, `/api/scaffolder/v2/tasks/${taskId}`)).json();
    if (!['open', 'processing'].includes(task.status)) return task;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`task ${taskId} did not finish in 120 s`);
}

test('the homelab fields and the dry-run preview, through the real scaffolder (fixture template)', async () => {
  const errors = [];
  const page = await guestPage(errors);
  await page.getByRole('link', { name: 'Create' }).first().click();
  await page.getByText('Homelab form fields (e2e fixture)').waitFor();
  await page.goto(`${backend.url}/create/templates/default/e2e-homelab-form`, { waitUntil: 'networkidle' });

  await fillAppForm(page, { ingressClass: 'haproxy-restricted' });
  await screenshot(page, 'create-app-form.png', { fullPage: true });
  await page.getByRole('button', { name: 'Next' }).click();

  // The preview: every file, new or edited, before anything is written.
  await page.getByText('1 file to create, 1 to change.').waitFor();
  await page.getByRole('button', { name: 'Create cluster/apps/media/photos/deployment.yaml' }).waitFor();
  // Edited files open with their diff; new files unfold to their content.
  await page.getByRole('button', { name: 'Edit cluster/apps/media/kustomization.yaml' }).waitFor();
  const added = page.locator('[data-kind="add"]');
  await added.first().waitFor();
  assert.deepEqual(await added.allTextContents(), ['+  - photos']);
  await page.getByText(/The app will be served at/).waitFor();
  await page.getByRole('link', { name: 'https://photos.homelab.example' }).waitFor();
  await page.getByRole('button', { name: 'Create cluster/apps/media/photos/deployment.yaml' }).click();
  await page.getByText('image: ghcr.io/example/photos:1.4.0').waitFor();
  await page.waitForTimeout(500); // the accordion's unfold animation
  await screenshot(page, 'create-app-preview.png', { fullPage: true });

  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const task = await taskOf(page);
  assert.equal(task.status, 'completed');
  assert.deepEqual(
    { name: task.spec.parameters.name, postgresCluster: task.spec.parameters.postgresCluster, owner: task.spec.parameters.owner },
    { name: 'photos', postgresCluster: 'pg-media', owner: 'user:default/guest' },
  );
  await page.getByText('Log the request').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a friend creates an app with Postgres and sees the branch (app-with-postgres template)', async () => {
  const errors = [];
  const page = await guestPage(errors);
  await page.getByRole('link', { name: 'Create' }).first().click();
  await page.getByText('App with Postgres').first().waitFor();
  await page.goto(`${backend.url}/create/templates/default/${APP_TEMPLATE}`, { waitUntil: 'networkidle' });
  await fillAppForm(page);
  await screenshot(page, 'create-app-with-postgres-form.png', { fullPage: true });
  // Through the remaining pages (container, exposure, database, storage) to the review page.
  for (let i = 0; i < 6 && !(await page.getByText('What will change').count()); i++) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForLoadState('networkidle');
  }
  // The plan's own files, from a dry run of the real template: the app, its database in the cluster's folder.
  await page.getByText(/^\d+ files? to create, \d+ to change\.$/).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Create cluster/apps/media/photos/deployment.yaml' }).waitFor();
  await page.getByRole('button', { name: /^Edit cluster\/platform\/.*\/pg-media\/cluster\.yaml$/ }).waitFor();
  await page.locator('[data-kind="add"]').first().waitFor();
  await screenshot(page, 'create-app-with-postgres-preview.png', { fullPage: true });

  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const task = await taskOf(page);
  assert.equal(task.status, 'completed');
  assert.deepEqual(
    {
      domain: task.spec.parameters.domain,
      owner: task.spec.parameters.owner,
      hostname: task.spec.parameters.hostname,
      postgresCluster: task.spec.parameters.postgresCluster,
    },
    { domain: 'media', owner: 'user:default/guest', hostname: 'photos.homelab.example', postgresCluster: 'pg-media' },
  );
  // The branch the task committed, as its output names it, is on the page and in the GitOps checkout.
  const events = await (await api(backend.url, `/api/scaffolder/v2/tasks/${task.id}/events`)).json();
  const output = events.find(e => e.type === 'completion').body.output;
  const published = output.text.find(t => t.title === 'Published').content;
  const branch = published.match(/homelab\/add-photos-\d{14}/)?.[0];
  assert.ok(branch, `no branch in the task output: ${published}`);
  assert.ok(output.files.some(f => f.path === 'cluster/apps/media/photos/deployment.yaml' && f.action === 'create'));
  // The task page shows one text output at a time: the summary first, then Published.
  await page.getByRole('button', { name: 'Published' }).click();
  await page.getByText(`scripts/merge-app-branch.sh ${branch}`).first().waitFor({ timeout: 60_000 });
  const checkout = join(repoRoot, 'data/gitops/homelab-gitops');
  assert.match(execFileSync('git', ['-C', checkout, 'branch', '--list', branch], { encoding: 'utf-8' }), new RegExp(branch));
  await screenshot(page, 'create-app-task.png', { fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
