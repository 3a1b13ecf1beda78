// The example GitOps repo is the fixture of every other test and the demo
// content: keep it valid and self-consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './lib/backend.mjs';
import { modelOf, validateKubernetesObjects } from '../scripts/validate-kubernetes-objects.mjs';

const exampleRoot = join(repoRoot, 'examples/homelab-gitops');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
// Templates of a vendored Helm chart (a folder with Chart.yaml) are Go
// templates, not YAML.
const chartDirs = walk(exampleRoot)
  .filter(f => /\/Chart\.yaml$/.test(f))
  .map(dirname);
const isChartTemplate = f => chartDirs.some(d => f.startsWith(`${d}/templates/`));
const yamlFiles = walk(exampleRoot).filter(f => /\.ya?ml$/.test(f) && !isChartTemplate(f));

function docsOf(file) {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(d => d.toJS())
    .filter(Boolean);
}
const objects = yamlFiles.flatMap(file => docsOf(file).map(obj => ({ file, obj })));
const ofKind = kind => objects.filter(o => o.obj.kind === kind);

test('every YAML file of the example repo parses', () => {
  const problems = [];
  for (const file of yamlFiles) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      for (const err of doc.errors) {
        problems.push(`${relative(repoRoot, file)}:${err.linePos?.[0]?.line ?? '?'}: ${err.message}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('every kustomization of the example repo builds', t => {
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (kubectl.status !== 0) {
    t.skip('kubectl is not installed, so kustomize builds cannot be checked here');
    return;
  }
  const dirs = yamlFiles.filter(f => /\/kustomization\.ya?ml$/.test(f)).map(dirname);
  assert.ok(dirs.length > 20, `only ${dirs.length} kustomizations found`);
  const failures = [];
  for (const dir of dirs) {
    const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
    if (r.status !== 0) failures.push(`${relative(repoRoot, dir)}: ${r.stderr.trim()}`);
  }
  assert.deepEqual(failures, []);
});

test('the Argo CD apps folder lists one Application file per component', () => {
  const appsDir = join(exampleRoot, 'cluster/platform/gitops/argocd/apps');
  const listed = docsOf(join(appsDir, 'kustomization.yaml'))[0].resources;
  const files = readdirSync(appsDir).filter(f => f.endsWith('-app.yaml'));
  assert.deepEqual([...listed].sort(), [...files].sort());
  for (const f of files) {
    const [app] = docsOf(join(appsDir, f));
    assert.equal(app.kind, 'Application', f);
    assert.equal(app.apiVersion, 'argoproj.io/v1alpha1', f);
  }
});

test('every ExternalSecret reads from the vault ClusterSecretStore', () => {
  const stores = ofKind('ClusterSecretStore').map(o => o.obj.metadata.name);
  assert.ok(stores.includes('vault'));
  const bad = ofKind('ExternalSecret').filter(
    ({ obj }) => obj.spec.secretStoreRef?.kind !== 'ClusterSecretStore' || obj.spec.secretStoreRef?.name !== 'vault',
  );
  assert.deepEqual(bad.map(b => relative(repoRoot, b.file)), []);
});

test('the data services and storage the apps rely on exist', () => {
  const pgClusters = ofKind('Cluster')
    .filter(o => o.obj.apiVersion === 'postgresql.cnpg.io/v1')
    .map(o => o.obj.metadata.name);
  for (const name of ['pg-platform', 'pg-media', 'pg-ai']) assert.ok(pgClusters.includes(name), name);
  const storageClasses = ofKind('StorageClass').map(o => o.obj.metadata.name);
  assert.ok(storageClasses.includes('ceph-block') && storageClasses.includes('ceph-filesystem'));
  const ingressClasses = ofKind('IngressClass').map(o => o.obj.metadata.name);
  assert.ok(ingressClasses.includes('haproxy') && ingressClasses.includes('haproxy-restricted'));
  assert.ok(ofKind('RayCluster').length >= 1 && ofKind('RayService').length >= 1);

  // Every Postgres host an app names points at a cluster that exists.
  const hosts = new Set();
  for (const file of yamlFiles.filter(f => f.includes('/cluster/apps/'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\b(pg-[a-z0-9-]+?)-(?:rw|ro|r)\b/g)) hosts.add(m[1]);
  }
  assert.ok(hosts.size > 0, 'apps reference Postgres hosts');
  for (const h of hosts) assert.ok(pgClusters.includes(h), `apps use ${h}, which is not a CNPG Cluster`);
});

// Kinds no @kubernetes-models package covers (kustomize configs are not API
// objects at all). A kind added to the example repo lands here or is validated.
const UNMODELLED = [
  'ceph.rook.io/v1 CephBlockPool',
  'ceph.rook.io/v1 CephCluster',
  'ceph.rook.io/v1 CephFilesystem',
  'cert-manager.io/v1 Certificate',
  'cert-manager.io/v1 ClusterIssuer',
  'cert-manager.io/v1 Issuer',
  'kubeadm.k8s.io/v1beta4 ClusterConfiguration',
  'kubeadm.k8s.io/v1beta4 InitConfiguration',
  'kustomize.config.k8s.io/v1beta1 Kustomization',
  'kyverno.io/v1 ClusterPolicy',
  'metallb.io/v1beta1 IPAddressPool',
  'metallb.io/v1beta1 L2Advertisement',
  'monitoring.coreos.com/v1 PrometheusRule',
  'ray.io/v1 RayCluster',
  'ray.io/v1 RayJob',
  'ray.io/v1 RayService',
  'snapshot.storage.k8s.io/v1 VolumeSnapshotClass',
  'volsync.backube/v1alpha1 ReplicationSource',
];

test('every object of the example repo validates against its schema, CNPG and VPA included', async () => {
  const apiObjects = objects.filter(({ obj }) => obj.apiVersion && obj.kind);
  const unmodelled = new Set();
  const failures = [];
  const validated = {};
  for (const { file, obj } of apiObjects) {
    const id = `${obj.apiVersion} ${obj.kind}`;
    if (!(await modelOf(obj))) {
      unmodelled.add(id);
      continue;
    }
    validated[id] = (validated[id] ?? 0) + 1;
    failures.push(...(await validateKubernetesObjects([obj])).map(f => `${relative(repoRoot, file)}: ${f}`));
  }
  assert.deepEqual(failures, []);
  assert.deepEqual([...unmodelled].sort(), UNMODELLED);
  for (const id of ['postgresql.cnpg.io/v1 Cluster', 'postgresql.cnpg.io/v1 Database', 'postgresql.cnpg.io/v1 Pooler', 'postgresql.cnpg.io/v1 ScheduledBackup', 'autoscaling.k8s.io/v1 VerticalPodAutoscaler']) {
    assert.ok(validated[id] > 0, `no ${id} was validated`);
  }
});

test('every app ingress has a backend Service in the repo', () => {
  const services = new Set(ofKind('Service').map(o => o.obj.metadata.name));
  const missing = [];
  for (const { file, obj } of ofKind('Ingress').filter(o => o.file.includes('/apps/shared/ingress/'))) {
    for (const rule of obj.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const svc = path.backend.service?.name;
        if (svc && !services.has(svc)) missing.push(`${relative(repoRoot, file)} -> ${svc}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('no secret values are committed in the example repo', () => {
  const secrets = ofKind('Secret').filter(({ obj }) => obj.data || obj.stringData);
  assert.deepEqual(secrets.map(s => relative(repoRoot, s.file)), []);
});

const applications = () =>
  ofKind('Application').filter(o => o.obj.apiVersion === 'argoproj.io/v1alpha1' && o.file.includes('/argocd/apps/'));
const sourcesOf = app => app.spec.sources ?? [app.spec.source];

test('every Application source in this repo points at a path, values file or chart that exists', () => {
  const missing = [];
  for (const { obj } of applications()) {
    const refs = new Set(sourcesOf(obj).filter(s => s.ref).map(s => s.ref));
    for (const s of sourcesOf(obj)) {
      if (s.path && !existsSync(join(exampleRoot, s.path))) missing.push(`${obj.metadata.name}: path ${s.path}`);
      for (const vf of s.helm?.valueFiles ?? []) {
        const m = vf.match(/^\$([^/]+)\/(.+)$/);
        if (m && !refs.has(m[1])) missing.push(`${obj.metadata.name}: ${vf} names no ref source`);
        if (m && !existsSync(join(exampleRoot, m[2]))) missing.push(`${obj.metadata.name}: values ${m[2]}`);
      }
      if (s.helm?.values !== undefined) {
        const [doc] = parseAllDocuments(s.helm.values);
        if (doc.errors.length) missing.push(`${obj.metadata.name}: inline helm.values is not YAML`);
      }
      if (!s.chart && s.helm && s.path && !existsSync(join(exampleRoot, s.path, 'Chart.yaml'))) {
        missing.push(`${obj.metadata.name}: helm source ${s.path} has no Chart.yaml`);
      }
    }
  }
  // The one known gap (README): an Application whose app folder was removed.
  assert.deepEqual(missing, ['plex: path cluster/apps/media/plex']);
});

test('the recorded cluster carries every Application of the repo with the same sources', () => {
  const recorded = parseAllDocuments(
    readFileSync(join(repoRoot, 'examples/cluster-snapshot/applications.argoproj.io.yaml'), 'utf8'),
  )[0].toJS().items;
  const byName = new Map(recorded.map(a => [a.metadata.name, a]));
  const mismatched = [];
  for (const { obj } of applications()) {
    const rec = byName.get(obj.metadata.name);
    if (!rec) mismatched.push(`${obj.metadata.name}: not recorded`);
    else if (JSON.stringify(sourcesOf(rec)) !== JSON.stringify(sourcesOf(obj))) {
      // Key order differs (kubectl sorts keys), so compare canonically.
      const canon = v => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
      if (canon(sourcesOf(rec)) !== canon(sourcesOf(obj))) mismatched.push(`${obj.metadata.name}: sources differ`);
    }
  }
  assert.deepEqual(mismatched, []);
});

test('vendored charts are whole: Chart.yaml with name and version, and templates', () => {
  assert.ok(chartDirs.length >= 1, 'the example repo vendors a chart');
  for (const dir of chartDirs) {
    const chart = docsOf(join(dir, 'Chart.yaml'))[0];
    assert.ok(chart.name && chart.version, `${relative(repoRoot, dir)}/Chart.yaml names the chart and its version`);
    assert.ok(existsSync(join(dir, 'templates')), `${relative(repoRoot, dir)} has templates/`);
  }
});

test("the recorded workloads match the repo's Deployments and Services", () => {
  const recorded = file =>
    parseAllDocuments(readFileSync(join(repoRoot, 'examples/cluster-snapshot', file), 'utf8'))[0].toJS().items;
  const key = o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
  const inRepo = new Map(
    [...ofKind('Deployment'), ...ofKind('Service')].map(({ obj }) => [`${obj.kind}/${obj.metadata.name}`, obj]),
  );
  const mismatched = [];
  for (const rec of [...recorded('deployments.apps.yaml'), ...recorded('services.yaml')]) {
    const repo = inRepo.get(`${rec.kind}/${rec.metadata.name}`);
    if (!repo) {
      mismatched.push(`${key(rec)}: not in the repo`);
      continue;
    }
    const labels = JSON.stringify(Object.entries(repo.metadata.labels ?? {}).sort());
    if (JSON.stringify(Object.entries(rec.metadata.labels ?? {}).sort()) !== labels) mismatched.push(`${key(rec)}: labels differ`);
    if (rec.kind === 'Deployment') {
      const images = o => o.spec.template.spec.containers.map(c => c.image);
      if (JSON.stringify(images(rec)) !== JSON.stringify(images(repo))) mismatched.push(`${key(rec)}: images differ`);
      if (rec.spec.replicas !== (repo.spec.replicas ?? 1)) mismatched.push(`${key(rec)}: replicas differ`);
    }
  }
  // Every recorded Pod belongs to a recorded ReplicaSet of a recorded Deployment.
  const replicaSets = new Map(recorded('replicasets.apps.yaml').map(rs => [rs.metadata.name, rs]));
  const deployments = new Set(recorded('deployments.apps.yaml').map(d => d.metadata.name));
  for (const pod of recorded('pods.yaml')) {
    const rs = replicaSets.get(pod.metadata.ownerReferences[0].name);
    if (!rs || !deployments.has(rs.metadata.ownerReferences[0].name)) mismatched.push(`${key(pod)}: no owner recorded`);
  }
  assert.deepEqual(mismatched, []);
});
