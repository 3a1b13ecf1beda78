import { DEFAULT_LAYOUT } from '../layout';
import { argoApp, kustomization, parseRepo } from '../testing/parseRepo';
import { assignManifests } from './assignManifests';
import { attachIngresses } from './attachIngresses';
import { classifyResources } from './classifyResources';
import { findDependencies } from './findDependencies';
import { findUnits } from './findUnits';

const configMap = (name: string, data: Record<string, string>, comment = '') =>
  `${comment}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: apps}\ndata:\n${Object.entries(data)
    .map(([k, v]) => `  ${k}: "${v}"\n`)
    .join('')}`;

function dependencies(files: Record<string, string>) {
  const repo = parseRepo({
    // Resources every case can name.
    'cluster/platform/data/pg/kustomization.yaml': kustomization,
    'cluster/platform/data/pg/cluster.yaml':
      'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {name: pg-media, namespace: database}\nspec:\n  storage: {storageClass: fast}\n  # restore from pg-media-rw of the old cluster\n',
    'cluster/platform/storage/kustomization.yaml': kustomization,
    'cluster/platform/storage/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n',
    'cluster/platform/data/valkey/cache/values.yaml': 'fullnameOverride: valkey-cache\n',
    'argocd/pg-app.yaml': argoApp('pg-media', '  source: {path: cluster/platform/data/pg}\n'),
    'argocd/storage-app.yaml': argoApp('storage', '  source: {path: cluster/platform/storage}\n'),
    'argocd/cache-app.yaml': argoApp(
      'valkey-cache',
      '  sources:\n  - {chart: valkey, repoURL: registry.example.org/charts, helm: {valueFiles: [$values/cluster/platform/data/valkey/cache/values.yaml]}}\n  - {ref: values, repoURL: g, path: cluster/platform/data/valkey/cache}\n',
    ),
    ...files,
  });
  const units = attachIngresses(
    assignManifests(findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts), repo.manifests, DEFAULT_LAYOUT),
    repo.manifests,
  );
  const resources = classifyResources(units, repo.manifests, DEFAULT_LAYOUT);
  const found = findDependencies(units, resources, repo.documents);
  return Object.fromEntries(found.map(f => [f.unit.name, f.unit.dependencies.map(d => `${d.target} <- ${d.file}: ${d.reason}`)]));
}

describe('findDependencies', () => {
  it('relates an app to a Helm-installed cache by every Service name of the release, short or .svc-qualified', () => {
    for (const host of [
      'valkey-cache',
      'valkey-cache-primary',
      'valkey-cache-master.database.svc.cluster.local',
      'redis://valkey-cache-headless.database.svc:6379/0',
    ]) {
      expect(
        dependencies({
          'cluster/apps/media/app/kustomization.yaml': kustomization,
          'cluster/apps/media/app/configmap.yaml': configMap('app', { REDIS: host }),
        }).app,
      ).toEqual([`valkey-cache <- cluster/apps/media/app/configmap.yaml: "${host.match(/valkey-cache[a-z-]*/)![0]}" in ConfigMap app: data.REDIS`]);
    }
  });

  it('relates an app to a Helm-installed Postgres by the Service names of the chart', () => {
    const deps = dependencies({
      'argocd/db-app.yaml': argoApp('db', '  source: {chart: postgresql, repoURL: registry-1.docker.io/bitnamicharts, helm: {releaseName: wiki-db}}\n'),
      'cluster/apps/web/wiki/kustomization.yaml': kustomization,
      'cluster/apps/web/wiki/configmap.yaml': configMap('wiki', { DB_HOST: 'wiki-db-hl.ns.svc', REPLICA: 'wiki-db-read' }),
    });
    expect(deps.wiki).toEqual(['wiki-db <- cluster/apps/web/wiki/configmap.yaml: "wiki-db-hl" in ConfigMap wiki: data.DB_HOST']);
    expect(deps.db).toEqual([]);
  });

  it('reads Helm value files of the app and inline values of Helm-only Applications', () => {
    const deps = dependencies({
      'cluster/apps/ai/qdrant/kustomization.yaml': kustomization,
      'cluster/apps/ai/qdrant/values.yaml': 'persistence:\n  storageClassName: fast\nenv:\n  DB: pg-media-rw.database.svc\n',
      'argocd/qdrant-app.yaml': argoApp(
        'qdrant',
        '  sources:\n  - {chart: qdrant, repoURL: r, helm: {valueFiles: [$values/cluster/apps/ai/qdrant/values.yaml]}}\n  - {ref: values, repoURL: g}\n  - {path: cluster/apps/ai/qdrant, repoURL: g}\n',
      ),
      'argocd/proxy-app.yaml': argoApp(
        'proxy',
        '  source:\n    chart: oauth2-proxy\n    repoURL: https://oauth2-proxy.github.io/manifests\n    helm:\n      values: |\n        # sessions once lived in pg-media-rw\n        redis:\n          connectionUrl: redis://valkey-cache-primary.database.svc:6379\n',
      ),
    });
    expect(deps.qdrant).toEqual([
      'fast <- cluster/apps/ai/qdrant/values.yaml: persistence.storageClassName: fast in Helm values',
      'pg-media <- cluster/apps/ai/qdrant/values.yaml: "pg-media-rw" in env.DB',
    ]);
    expect(deps.proxy).toEqual([
      'valkey-cache <- argocd/proxy-app.yaml: "valkey-cache-primary" in inline Helm values of chart oauth2-proxy: redis.connectionUrl',
    ]);
  });

  it('never makes the deployer a consumer of what it deploys', () => {
    const deps = dependencies({});
    expect(deps['pg-media']).toEqual(['fast <- cluster/platform/data/pg/cluster.yaml: storageClassName fast (storage of Cluster pg-media)']);
    expect(deps['valkey-cache']).toEqual([]);
  });

  describe('finds nothing where nothing is used', () => {
    it.each([
      ['a database name inside a longer word', { HOST: 'xpg-media-rw.example', NAME: 'pg-mediaserver', URL: 'http://mypg-media-rw:5432', CACHE: 'valkey-cache2' }],
      ['a name only in a comment', { HOST: 'localhost' }, '# was pg-media-rw.database.svc and valkey-cache-primary\n'],
      ["another app's host in a Helm chart's values", { UPSTREAM: 'https://jellyfin.homelab.example', API: 'http://immich-server.media.svc:2283' }],
    ])('%s', (_case, data, comment = '') => {
      const deps = dependencies({
        'cluster/apps/media/app/kustomization.yaml': kustomization,
        'cluster/apps/media/app/configmap.yaml': configMap('app', data, comment),
        'cluster/apps/media/app/values.yaml': `# pg-media-rw\n${Object.entries(data).map(([k, v]) => `${k}: "${v}"`).join('\n')}\n`,
        'argocd/app-app.yaml': argoApp(
          'app',
          '  sources:\n  - {chart: app, repoURL: r, helm: {valueFiles: [$values/cluster/apps/media/app/values.yaml]}}\n  - {ref: values, repoURL: g, path: cluster/apps/media/app}\n',
        ),
        'cluster/apps/media/jellyfin/kustomization.yaml': kustomization,
      });
      expect(deps.app).toEqual([]);
    });

    it('in a network policy that fences the cache', () => {
      expect(
        dependencies({
          'cluster/apps/shared/netpol/kustomization.yaml': kustomization,
          'cluster/apps/shared/netpol/np.yaml':
            'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow, namespace: database}\nspec:\n  podSelector: {matchLabels: {app.kubernetes.io/instance: valkey-cache}}\n',
          'argocd/netpol-app.yaml': argoApp('netpol', '  source: {path: cluster/apps/shared/netpol}\n'),
        }).netpol,
      ).toEqual([]);
    });
  });
});
