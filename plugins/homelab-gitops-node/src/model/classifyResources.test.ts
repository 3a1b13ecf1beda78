import { DEFAULT_LAYOUT } from '../layout';
import { argoApp, kustomization, parseRepo } from '../testing/parseRepo';
import { assignManifests } from './assignManifests';
import { classifyResources, dataServiceOfChart } from './classifyResources';
import { findUnits } from './findUnits';

const storageClass = (name: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: ${name}}\nprovisioner: x\n`;

describe('classifyResources', () => {
  const repo = parseRepo({
    'cluster/platform/base/storage/rook-ceph/kustomization.yaml': kustomization,
    'cluster/platform/base/storage/rook-ceph/sc.yaml': storageClass('ceph-filesystem'),
    'cluster/platform/base/storage/rook-ceph/fs.yaml': 'apiVersion: ceph.rook.io/v1\nkind: CephFilesystem\nmetadata: {name: ceph-filesystem, namespace: rook-ceph}\n',
    'cluster/platform/base/data/pg/kustomization.yaml': kustomization,
    'cluster/platform/base/data/pg/cluster.yaml':
      'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: pg-media, namespace: database}\n---\napiVersion: postgresql.cnpg.io/v1\nkind: Pooler\nmetadata: {name: pg-media-pooler-rw, namespace: database}\nspec: {cluster: {name: pg-media}}\n',
    'cluster/platform/base/data/valkey/cache/values.yaml': 'architecture: standalone\n',
    'argocd/rook-app.yaml': argoApp('rook-ceph', '  source: {path: cluster/platform/base/storage/rook-ceph}\n'),
    'argocd/pg-app.yaml': argoApp('pg-media', '  source: {path: cluster/platform/base/data/pg}\n'),
    'argocd/cache-app.yaml': argoApp(
      'valkey-cache',
      '  sources:\n  - {chart: valkey, repoURL: registry-1.docker.io/bitnamicharts, targetRevision: 3.0.22, helm: {releaseName: cache, valueFiles: [$values/cluster/platform/base/data/valkey/cache/values.yaml]}}\n  - {ref: values, repoURL: g}\n',
    ),
    // An operator chart is not a data service.
    'argocd/cnpg-app.yaml': argoApp('cnpg', '  source: {chart: cloudnative-pg, repoURL: https://cloudnative-pg.github.io/charts}\n'),
  });
  const units = assignManifests(findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts), repo.manifests, DEFAULT_LAYOUT);
  const resources = classifyResources(units, repo.manifests, DEFAULT_LAYOUT);

  it('finds exactly the resources, names them uniquely, and records who deploys them', () => {
    expect(resources.map(r => [r.type, r.name, r.system, r.definedBy, r.deployedBy, r.aliases])).toEqual([
      ['storage-class', 'ceph-filesystem', 'storage', 'rook-ceph', 'rook-ceph', ['ceph-filesystem']],
      ['postgres-cluster', 'pg-media', 'data', 'pg-media', 'pg-media', ['pg-media', 'pg-media-pooler-rw']],
      ['cache', 'cache', 'data', 'valkey-cache', 'valkey-cache', ['cache', 'cache-primary', 'cache-master', 'cache-headless', 'cache-replicas']],
      ['storage-pool', 'ceph-filesystem-pool', 'storage', 'rook-ceph', 'rook-ceph', ['ceph-filesystem']],
    ]);
  });

  it('describes a Helm release: chart, release, namespace and values files', () => {
    expect(resources.find(r => r.name === 'cache')).toMatchObject({
      manifest: { file: 'argocd/cache-app.yaml' },
      helmRelease: { chart: 'valkey', releaseName: 'cache', namespace: 'ns', valueFiles: ['cluster/platform/base/data/valkey/cache/values.yaml'] },
    });
  });

  it.each([
    ['valkey', 'cache'],
    ['redis', 'cache'],
    ['redis-ha', 'cache'],
    ['postgresql', 'postgres-cluster'],
    ['cloudnative-pg', undefined],
    ['redis-operator', undefined],
    ['immich', undefined],
  ])('chart %s installs %s', (chart, type) => {
    expect(dataServiceOfChart({ chart, repoURL: 'r', releaseName: 'x' })?.type).toBe(type);
  });
});
