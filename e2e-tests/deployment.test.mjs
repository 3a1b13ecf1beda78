// The portal deployed as an app of the example GitOps repo: every manifest
// builds with kustomize, every object validates against its schema (core
// kinds, Argo CD, External Secrets, CloudNativePG and the VPA through
// @kubernetes-models), and the deployment keeps the promises
// docs/reliability.md relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_OBJECTS } from '@backstage/plugin-kubernetes-backend';
import { repoRoot } from './lib/backend.mjs';
// Plain TypeScript with no imports: Node strips its types.
import { STATE_KINDS } from '../plugins/homelab-state-common/src/kinds.ts';
import { validateKubernetesObjects } from '../scripts/validate-kubernetes-objects.mjs';

const cluster = join(repoRoot, 'examples/homelab-gitops/cluster');
const DIRS = {
  app: 'apps/productivity/backstage',
  ingress: 'apps/shared/ingress',
  rbac: 'platform/base/security/backstage-rbac',
  database: 'platform/base/data/data-definitions/postgres/pg-platform',
  argo: 'platform/gitops/argocd/apps',
};

function build(dir) {
  const out = execFileSync('kubectl', ['kustomize', join(cluster, dir)], { encoding: 'utf8' });
  return parseAllDocuments(out).map(d => d.toJS()).filter(Boolean);
}

const objects = Object.fromEntries(Object.entries(DIRS).map(([key, dir]) => [key, build(dir)]));
const find = (list, kind, name) => list.find(o => o.kind === kind && o.metadata.name === name);

test('every object of the portal, its ingress, database, RBAC and Argo app validates', async () => {
  const failures = [];
  for (const [key, list] of Object.entries(objects)) {
    failures.push(...(await validateKubernetesObjects(list)).map(f => `${key}: ${f}`));
  }
  assert.deepEqual(failures, []);
  // The CRD kinds are among what was checked, not skipped.
  const kinds = new Set(Object.values(objects).flat().map(o => `${o.apiVersion} ${o.kind}`));
  for (const id of ['postgresql.cnpg.io/v1 Cluster', 'postgresql.cnpg.io/v1 Database', 'postgresql.cnpg.io/v1 Pooler', 'postgresql.cnpg.io/v1 ScheduledBackup', 'autoscaling.k8s.io/v1 VerticalPodAutoscaler']) {
    assert.ok(kinds.has(id), id);
  }
});

/** What the validator says of one object after `breakIt` changed a copy of it. */
async function failuresOf(list, kind, name, breakIt) {
  const obj = structuredClone(find(list, kind, name));
  breakIt(obj);
  return validateKubernetesObjects([obj]);
}

test('the validation catches broken objects, naming the field (the check can fail)', async () => {
  assert.deepEqual(await failuresOf(objects.app, 'Deployment', 'backstage', d => (d.spec.replicas = 'two')), [
    'Deployment/backstage: data/spec/replicas must be integer',
  ]);
  assert.deepEqual(await failuresOf(objects.database, 'Cluster', 'pg-platform', c => (c.spec.instances = 'two')), [
    'Cluster/pg-platform: data/spec/instances must be integer',
  ]);
  assert.deepEqual(await failuresOf(objects.database, 'Cluster', 'pg-platform', c => (c.spec.primaryUpdateStrategy = 'sometimes')), [
    'Cluster/pg-platform: data/spec/primaryUpdateStrategy must be equal to one of the allowed values',
  ]);
  assert.deepEqual(await failuresOf(objects.database, 'Cluster', 'pg-platform', c => (c.spec.managed.roles[0].ensure = 'maybe')), [
    'Cluster/pg-platform: data/spec/managed/roles/0/ensure must be equal to one of the allowed values',
  ]);
  assert.deepEqual(await failuresOf(objects.database, 'Database', 'pg-platform-backstage', d => (d.spec.ensure = 'maybe')), [
    'Database/pg-platform-backstage: data/spec/ensure must be equal to one of the allowed values',
  ]);
  assert.deepEqual(await failuresOf(objects.app, 'VerticalPodAutoscaler', 'backstage', v => (v.spec.updatePolicy.updateMode = 'Sometimes')), [
    'VerticalPodAutoscaler/backstage: data/spec/updatePolicy/updateMode must be equal to one of the allowed values',
  ]);
  // A kind no package models is a failure, not a skip.
  assert.deepEqual(await validateKubernetesObjects([{ apiVersion: 'ray.io/v1', kind: 'RayJob', metadata: { name: 'embed' } }]), [
    'RayJob/embed: no schema for ray.io/v1 RayJob',
  ]);
});

test('two non-root replicas with probes on the health endpoints, resources and a PDB', () => {
  const deployment = find(objects.app, 'Deployment', 'backstage');
  assert.equal(deployment.metadata.namespace, 'productivity');
  assert.equal(deployment.spec.replicas, 2);
  const pod = deployment.spec.template.spec;
  assert.equal(pod.securityContext.runAsNonRoot, true);
  assert.equal(pod.serviceAccountName, 'backstage');
  const [container] = pod.containers;
  assert.equal(container.readinessProbe.httpGet.path, '/.backstage/health/v1/readiness');
  assert.equal(container.livenessProbe.httpGet.path, '/.backstage/health/v1/liveness');
  assert.equal(container.securityContext.allowPrivilegeEscalation, false);
  assert.ok(container.resources.requests.cpu && container.resources.requests.memory && container.resources.limits.memory);
  const pdb = find(objects.app, 'PodDisruptionBudget', 'backstage');
  assert.equal(pdb.spec.minAvailable, 1);
  assert.deepEqual(pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels);
  assert.ok(find(objects.app, 'VerticalPodAutoscaler', 'backstage'));
  // No PVC: the portal's state is in PostgreSQL, backed up by pg-platform's
  // ScheduledBackup, so there is nothing for VolSync to replicate.
  assert.equal(objects.app.filter(o => o.kind === 'PersistentVolumeClaim').length, 0);
});

test('every secret comes from Vault through one ExternalSecret, none is in git', () => {
  const es = find(objects.app, 'ExternalSecret', 'backstage-secret');
  assert.deepEqual(es.spec.secretStoreRef, { kind: 'ClusterSecretStore', name: 'vault' });
  assert.deepEqual(es.spec.data.map(d => d.secretKey).sort(), [
    'AUTH_GITHUB_CLIENT_SECRET',
    'AUTH_OIDC_CLIENT_SECRET',
    'BACKEND_SECRET',
    'GITHUB_TOKEN',
    'POSTGRES_PASSWORD',
  ]);
  assert.equal(objects.app.filter(o => o.kind === 'Secret').length, 0);
  const container = find(objects.app, 'Deployment', 'backstage').spec.template.spec.containers[0];
  assert.deepEqual(container.envFrom, [
    { configMapRef: { name: 'backstage-config' } },
    { secretRef: { name: 'backstage-secret' } },
  ]);
});

test('every variable app-config.production.yaml reads is set by the ConfigMap or the secret', () => {
  const production = readFileSync(join(repoRoot, 'app-config.production.yaml'), 'utf8');
  const wanted = new Set([...production.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map(m => m[1]));
  const config = find(objects.app, 'ConfigMap', 'backstage-config').data;
  const secret = find(objects.app, 'ExternalSecret', 'backstage-secret').spec.data.map(d => d.secretKey);
  const provided = new Set([...Object.keys(config), ...secret]);
  assert.deepEqual([...wanted].filter(v => !provided.has(v)), []);
  const documented = readFileSync(join(repoRoot, 'docs/configuration.md'), 'utf8');
  assert.deepEqual([...wanted].filter(v => !documented.includes(`\`${v}\``)), []);
});

test('the database is a CNPG Database with a managed role on the cluster the config names', () => {
  const config = find(objects.app, 'ConfigMap', 'backstage-config').data;
  const clusterName = config.POSTGRES_HOST.split('.')[0].replace(/-rw$/, '');
  const pg = find(objects.database, 'Cluster', clusterName);
  assert.ok(pg, `${config.POSTGRES_HOST} names CNPG cluster ${clusterName}`);
  const role = pg.spec.managed.roles.find(r => r.name === config.POSTGRES_USER);
  assert.deepEqual(role, { name: 'backstage', ensure: 'present', login: true, passwordSecret: { name: 'pg-platform-backstage' } });
  const database = objects.database.find(o => o.kind === 'Database' && o.spec.name === config.POSTGRES_DB);
  assert.deepEqual(database.spec, { name: 'backstage', owner: 'backstage', ensure: 'present', cluster: { name: clusterName } });
  // The role's password and the app's are the same Vault value.
  const rolePassword = find(objects.database, 'ExternalSecret', 'pg-platform-backstage');
  const appPassword = find(objects.app, 'ExternalSecret', 'backstage-secret').spec.data.find(d => d.secretKey === 'POSTGRES_PASSWORD');
  assert.deepEqual(rolePassword.spec.data[0].remoteRef, appPassword.remoteRef);
});

/** `resource.group` for each resource a rule grants (core group: `pods.`). */
const grantedBy = rules => rules.flatMap(r => r.apiGroups.flatMap(g => r.resources.map(res => `${res}.${g}`)));

/**
 * What the deployed portal lists, from the code and the deployed config: the
 * live-state kinds, the Kubernetes plugin's object types and custom
 * resources, and pod metrics unless every cluster skips them.
 */
function kindsTheDeployedPortalReads() {
  const config = parse(find(objects.app, 'ConfigMap', 'backstage-config').data['app-config.homelab.yaml']);
  assert.equal(config.kubernetes.objectTypes, undefined, 'objectTypes is set: derive the tab kinds from it (the plugin filters ALL_OBJECTS by it)');
  const clusters = config.kubernetes.clusterLocatorMethods.flatMap(m => m.clusters ?? []);
  assert.ok(clusters.length > 0);
  const customResources = [...(config.kubernetes.customResources ?? []), ...clusters.flatMap(c => c.customResources ?? [])];
  const read = [
    // homelab.state.source kubernetes and kubernetes-proxy both list these.
    ...Object.values(STATE_KINDS).map(k => `${k.plural}.${k.group}`),
    ...DEFAULT_OBJECTS.map(o => `${o.plural}.${o.group}`),
    ...customResources.map(c => `${c.plural}.${c.group}`),
    ...(clusters.every(c => c.skipMetricsLookup) ? [] : ['pods.metrics.k8s.io']),
  ];
  return [...new Set(read)].sort();
}

test('the service account may read every kind the portal reads, and nothing else: never Secrets', () => {
  const binding = find(objects.rbac, 'ClusterRoleBinding', 'backstage-read');
  assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'backstage', namespace: 'productivity' }]);
  const role = find(objects.rbac, 'ClusterRole', binding.roleRef.name);
  const read = kindsTheDeployedPortalReads();
  // The stock tab's kinds are among them, as its ConfigMap configures it.
  for (const k of ['pods.', 'deployments.apps', 'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'ingresses.networking.k8s.io', 'pods.metrics.k8s.io', 'clusters.postgresql.cnpg.io']) {
    assert.ok(read.includes(k), k);
  }
  assert.deepEqual([...new Set(grantedBy(role.rules))].sort(), read);
  for (const rule of role.rules) {
    assert.ok(rule.verbs.includes('list'), JSON.stringify(rule));
    assert.deepEqual(rule.verbs.filter(v => !['get', 'list', 'watch'].includes(v)), [], JSON.stringify(rule));
    assert.ok(!rule.resources.includes('*') && !rule.apiGroups.includes('*'), JSON.stringify(rule));
  }
  assert.ok(!read.includes('secrets.'));
  assert.deepEqual(grantedBy(role.rules).filter(k => k.startsWith('secrets.')), [], 'Secrets are never granted');
  // The same rules as the portal's standalone ClusterRole.
  const [, standalone] = parseAllDocuments(readFileSync(join(repoRoot, 'deploy/portal-clusterrole.yaml'), 'utf8')).map(d => d.toJS());
  assert.deepEqual(role.rules, standalone.rules);
});

test('the check of the granted kinds can fail: a missing kind and a granted Secret are both caught', () => {
  const role = find(objects.rbac, 'ClusterRole', 'backstage-read');
  const withoutHpa = role.rules.map(r => ({ ...r, resources: r.resources.filter(x => x !== 'horizontalpodautoscalers') }));
  assert.notDeepEqual([...new Set(grantedBy(withoutHpa))].sort(), kindsTheDeployedPortalReads());
  const withSecrets = [...role.rules, { apiGroups: [''], resources: ['secrets'], verbs: ['get'] }];
  assert.deepEqual(grantedBy(withSecrets).filter(k => k.startsWith('secrets.')), ['secrets.']);
});

test('an HAProxy ingress with cert-manager TLS, and an Argo Application like every app', () => {
  const ingress = find(objects.ingress, 'Ingress', 'backstage');
  assert.equal(ingress.spec.ingressClassName, 'haproxy');
  assert.equal(ingress.metadata.annotations['cert-manager.io/cluster-issuer'], 'letsencrypt-prod');
  assert.deepEqual(ingress.spec.tls, [{ secretName: 'backstage-tls', hosts: ['portal.homelab.example'] }]);
  assert.equal(ingress.spec.rules[0].host, new URL(find(objects.app, 'ConfigMap', 'backstage-config').data.PORTAL_BASE_URL).host);
  const app = find(objects.argo, 'Application', 'backstage');
  assert.equal(app.spec.project, 'apps-productivity');
  assert.equal(app.spec.source.path, `cluster/${DIRS.app}`);
  const rbac = find(objects.argo, 'Application', 'backstage-rbac');
  assert.equal(rbac.spec.project, 'platform');
  assert.equal(rbac.spec.source.path, `cluster/${DIRS.rbac}`);
});
