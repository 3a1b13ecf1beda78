// The stock Kubernetes tab on the embedded default: the Kubernetes plugin
// reads the recorded cluster (examples/cluster-snapshot) through the homelab
// module, so an app's tab shows its recorded pods, deployments and services.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, startBackend, waitForEntities } from './lib/backend.mjs';
import { screenshot } from './lib/screenshots.mjs';
import { launchChromium, signIn } from './lib/browser.mjs';

const port = Number(process.env.E2E_K8S_PORT ?? 7120);

let backend;
let browser;

before(async () => {
  backend = await startBackend({
    port,
    name: 'kubernetes-tab',
    database: { client: 'better-sqlite3', connection: ':memory:' },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
});

const names = list => list.map(o => o.metadata.name).sort();

test("the Kubernetes API serves an app's recorded objects, and nothing of other apps", async () => {
  const entities = await waitForEntities(backend.url, list =>
    list.some(e => e.kind === 'Component' && e.metadata.name === 'immich'),
  );
  const immich = entities.find(e => e.kind === 'Component' && e.metadata.name === 'immich');
  const clusters = await (await api(backend.url, '/api/kubernetes/clusters')).json();
  assert.deepEqual(clusters.items.map(c => c.name), ['homelab']);

  const res = await api(backend.url, '/api/kubernetes/services/immich', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entity: immich }),
  });
  const { items } = await res.json();
  assert.equal(items.length, 1);
  assert.equal(items[0].cluster.name, 'homelab');
  assert.deepEqual(items[0].errors, []);
  const byType = Object.fromEntries(items[0].resources.map(r => [r.type, names(r.resources)]));
  assert.deepEqual(byType.deployments, ['immich-machine-learning', 'immich-server']);
  assert.deepEqual(byType.services, ['immich-machine-learning', 'immich-server']);
  assert.deepEqual(byType.replicasets, ['immich-machine-learning-wtb6cxs9t4', 'immich-server-gpp59kfxvz']);
  assert.deepEqual(byType.pods, [
    'immich-machine-learning-wtb6cxs9t4-vl7jl',
    'immich-server-gpp59kfxvz-8rvdn',
    'immich-server-gpp59kfxvz-cw6ng',
  ]);
  assert.deepEqual(byType.configmaps, []);
});

test("a guest opens an app's Kubernetes tab and sees its pods, deployments and the crash-looping container", async () => {
  await waitForEntities(backend.url, list => list.some(e => e.kind === 'Component' && e.metadata.name === 'immich'));
  const errors = [];
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  page.on('pageerror', err => errors.push(err.message));
  await signIn(page, backend.url);

  await page.goto(`${backend.url}/catalog/default/component/immich`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await page.waitForURL(/\/component\/immich\/kubernetes/);
  const cluster = page.getByRole('button', { name: /homelab \(recorded\)\s*Cluster/ });
  await cluster.waitFor({ timeout: 60_000 });
  await page.getByText('3 pods').waitFor();
  await page.getByText('1 pod with errors').waitFor();
  // The error table names the cluster of each problem it found.
  await page.getByRole('cell', { name: 'homelab (recorded)' }).first().waitFor();
  await cluster.click();
  await page.getByText('immich-server', { exact: true }).first().waitFor();
  await page.getByText('immich-machine-learning', { exact: true }).first().waitFor();
  // The stock error detection reads the recorded container and Deployment status.
  await page.getByText('container=immich-machine-learning restarted 287 times').waitFor();
  await page.getByText(/back-off 5m0s restarting failed container=immich-machine-learning/).waitFor();
  await page.getByText(/has timed out progressing/).waitFor();
  await page.getByText('Service', { exact: true }).first().waitFor();
  await screenshot(page, 'kubernetes-tab.png', { fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
