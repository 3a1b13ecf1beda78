import { resolve } from 'node:path';
import { readLocalRepo } from '../snapshot/readLocalRepo';
import { DEFAULT_LAYOUT, GitOpsLayout } from '../layout';
import { buildRepoModel } from './buildRepoModel';
import type { RepoModel } from './types';

const examples = resolve(__dirname, '../../../../examples');

describe('buildRepoModel on the example homelab repo', () => {
  let model: RepoModel;
  beforeAll(async () => {
    model = buildRepoModel(await readLocalRepo(`${examples}/homelab-gitops`), DEFAULT_LAYOUT);
  });
  const unit = (name: string) => {
    const u = model.units.find(x => x.name === name);
    if (!u) throw new Error(`no unit ${name}; have ${model.units.map(x => x.name).join(', ')}`);
    return u;
  };

  it('reads the repo without problems', () => {
    expect(model.problems).toEqual([]);
  });

  it('finds exactly the units of the repo, apps and platform components', () => {
    expect(model.units.map(u => `${u.layer}:${u.name}`).sort()).toEqual([
      'app:backstage', 'app:headscale', 'app:homarr', 'app:immich', 'app:jellyfin', 'app:minio', 'app:n8n', 'app:nextcloud',
      'app:open-webui', 'app:paperless-ngx', 'app:plex', 'app:portfolio-prod', 'app:portfolio-staging', 'app:qdrant',
      'app:radarr', 'app:ray-batch', 'app:ray-llm', 'app:sonarr', 'app:truenas', 'app:uptime-kuma', 'app:vaultwarden',
      'platform:ai-shared', 'platform:apps-ingress', 'platform:apps-networkpolicies', 'platform:backstage-rbac', 'platform:cert-manager',
      'platform:cnpg-operator', 'platform:external-secrets', 'platform:haproxy-ingress', 'platform:kube-prometheus-stack',
      'platform:kuberay-operator', 'platform:kyverno', 'platform:linkerd', 'platform:media-shared', 'platform:metallb',
      'platform:namespaces', 'platform:pg-ai', 'platform:pg-media', 'platform:pg-other', 'platform:pg-platform',
      'platform:pg-productivity', 'platform:productivity-shared', 'platform:rook-ceph', 'platform:root',
      'platform:valkey-cache', 'platform:valkey-queue', 'platform:vault', 'platform:vertical-pod-autoscaler',
      'platform:volsync', 'platform:web-shared',
    ]);
    expect(unit('jellyfin')).toMatchObject({ system: 'media-apps', namespace: 'media', path: 'cluster/apps/media/jellyfin' });
    expect(unit('portfolio-staging')).toMatchObject({ website: true, path: 'cluster/apps/web/portfolio/staging' });
  });

  it('finds exactly the dependsOn relations of the repo, and no others', () => {
    const relations = Object.fromEntries(
      model.units.filter(u => u.dependencies.length > 0).map(u => [u.name, u.dependencies.map(d => d.target)]),
    );
    expect(relations).toEqual({
      'ai-shared': ['vault'],
      backstage: ['haproxy', 'pg-platform', 'vault'],
      'cert-manager': ['vault'],
      headscale: ['ceph-block', 'haproxy', 'pg-other', 'vault'],
      homarr: ['ceph-block', 'haproxy-restricted', 'vault'],
      immich: ['ceph-block', 'haproxy', 'pg-media', 'valkey-queue', 'vault'],
      jellyfin: ['ceph-block', 'haproxy', 'vault'],
      'kube-prometheus-stack': ['ceph-block', 'pg-platform', 'vault'],
      linkerd: ['vault'],
      'media-shared': ['vault'],
      minio: ['haproxy-restricted'],
      n8n: ['ceph-block', 'haproxy-restricted', 'llm-serve', 'pg-ai', 'valkey-queue', 'vault'],
      nextcloud: ['ceph-filesystem', 'haproxy', 'pg-productivity', 'valkey-cache', 'vault'],
      'open-webui': ['ceph-filesystem', 'haproxy', 'llm-serve', 'pg-ai', 'valkey-cache', 'vault'],
      'paperless-ngx': ['ceph-block', 'haproxy-restricted', 'pg-productivity', 'valkey-queue', 'vault'],
      // A data service's own component deploys it and is never its consumer;
      // it depends only on what it uses itself.
      'pg-ai': ['ceph-block', 'vault'],
      'pg-media': ['ceph-block', 'vault'],
      'pg-other': ['ceph-block', 'vault'],
      'pg-platform': ['ceph-block', 'vault'],
      'pg-productivity': ['ceph-block', 'vault'],
      'portfolio-prod': ['haproxy', 'llm-serve', 'valkey-cache', 'vault'],
      'portfolio-staging': ['haproxy-restricted', 'llm-serve', 'valkey-cache', 'vault'],
      'productivity-shared': ['vault'],
      qdrant: ['ceph-block', 'vault'],
      radarr: ['ceph-block', 'haproxy-restricted', 'pg-media', 'vault'],
      'ray-batch': ['llm-serve', 'pg-ai', 'vault'],
      'ray-llm': ['ceph-filesystem'],
      sonarr: ['ceph-block', 'haproxy-restricted', 'pg-media', 'vault'],
      truenas: ['haproxy-restricted'],
      'uptime-kuma': ['ceph-block'],
      'valkey-cache': ['vault'],
      'valkey-queue': ['ceph-block', 'vault'],
      vault: ['ceph-block'],
      vaultwarden: ['ceph-block', 'haproxy', 'pg-productivity', 'vault'],
      'web-shared': ['vault'],
    });
  });

  it('records who deploys each resource, apart from who uses it', () => {
    expect(Object.fromEntries(model.resources.map(r => [r.name, r.deployedBy]))).toEqual({
      'ceph-block': 'rook-ceph',
      'ceph-blockpool': 'rook-ceph',
      'ceph-filesystem': 'rook-ceph',
      'ceph-filesystem-pool': 'rook-ceph',
      haproxy: 'haproxy-ingress',
      'haproxy-restricted': 'haproxy-ingress',
      'llm-serve': 'ray-llm',
      'pg-ai': 'pg-ai',
      'pg-media': 'pg-media',
      'pg-other': 'pg-other',
      'pg-platform': 'pg-platform',
      'pg-productivity': 'pg-productivity',
      'rag-ingest': 'ray-batch',
      'ray-batch': 'ray-batch',
      'rook-ceph': 'rook-ceph',
      'valkey-cache': 'valkey-cache',
      'valkey-queue': 'valkey-queue',
      vault: 'external-secrets',
    });
  });

  it('a network policy fencing a data service does not make its component a consumer', () => {
    expect(unit('apps-networkpolicies').dependencies).toEqual([]);
  });

  it('reads a Helm-only Application with inline values as a platform component of the system it names', () => {
    expect(unit('volsync')).toMatchObject({
      layer: 'platform',
      system: 'backup',
      unit: 'file',
      path: 'cluster/platform/gitops/argocd/apps/volsync-app.yaml',
      namespace: 'volsync-system',
      labelSelector: 'app.kubernetes.io/instance=volsync',
    });
    expect(unit('volsync').argoApps[0]).toMatchObject({
      charts: [{ chart: 'volsync', repoURL: 'https://backube.github.io/helm-charts/', targetRevision: '0.13.0', releaseName: 'volsync' }],
      inlineValues: [{ chart: 'volsync', value: expect.objectContaining({ manageCRDs: true }) }],
      paths: [],
    });
  });

  it('makes the path source of a three-source app the component, with its values file and Helm selector', () => {
    expect(unit('qdrant')).toMatchObject({ layer: 'app', path: 'cluster/apps/ai/qdrant', labelSelector: 'app.kubernetes.io/instance=qdrant' });
    expect(unit('qdrant').argoApps[0]).toMatchObject({ valueFiles: ['cluster/apps/ai/qdrant/values.yaml'], paths: ['cluster/apps/ai/qdrant'] });
    expect(unit('qdrant').dependencies.find(d => d.target === 'ceph-block')).toMatchObject({
      file: 'cluster/apps/ai/qdrant/values.yaml',
      reason: 'persistence.storageClassName: ceph-block in Helm values',
    });
  });

  it('links a chart vendored in the repo to the app whose Application renders it', () => {
    expect(unit('sonarr').argoApps[0].charts).toEqual([
      {
        repoURL: 'https://github.com/example/homelab-gitops.git',
        chart: 'servarr',
        targetRevision: '0.3.1',
        path: 'charts/servarr',
        releaseName: 'sonarr',
      },
    ]);
    expect(unit('sonarr').labelSelector).toBe('app.kubernetes.io/instance=sonarr');
    expect(model.units.some(u => u.path.startsWith('charts/'))).toBe(false);
  });

  it('makes Helm releases of a data chart cache resources named after the release', () => {
    const cache = model.resources.find(r => r.name === 'valkey-cache')!;
    expect(cache).toMatchObject({
      type: 'cache',
      system: 'data',
      deployedBy: 'valkey-cache',
      helmRelease: {
        chart: 'valkey',
        releaseName: 'valkey-cache',
        namespace: 'database',
        valueFiles: ['cluster/platform/base/data/data-definitions/valkey/cache/values.yaml'],
      },
    });
    expect(unit('valkey-cache').argoApps[0].charts[0].repoURL).toBe('registry-1.docker.io/bitnamicharts');
  });

  it('makes platform components of the other Argo apps, by stack', () => {
    expect(unit('rook-ceph')).toMatchObject({ layer: 'platform', system: 'storage', domain: 'platform' });
    expect(unit('pg-media')).toMatchObject({ layer: 'platform', system: 'data' });
    expect(unit('media-shared')).toMatchObject({ system: 'media-apps', domain: 'media' });
    expect(unit('rook-ceph').argoApps[0].charts[0]).toMatchObject({ chart: 'rook-ceph' });
  });

  it('keeps an Argo app whose path is gone, as the app it was', () => {
    expect(unit('plex')).toMatchObject({ layer: 'app', domain: 'media', manifests: [] });
  });

  it('finds the resources with the types of the seams', () => {
    const byType = (type: string) => model.resources.filter(r => r.type === type).map(r => r.name).sort();
    expect(byType('postgres-cluster')).toEqual(['pg-ai', 'pg-media', 'pg-other', 'pg-platform', 'pg-productivity']);
    expect(byType('cache')).toEqual(['valkey-cache', 'valkey-queue']);
    expect(model.resources.map(r => `${r.type}:${r.name}`).sort()).toEqual([
      'cache:valkey-cache', 'cache:valkey-queue', 'ceph-cluster:rook-ceph', 'ingress-class:haproxy',
      'ingress-class:haproxy-restricted', 'postgres-cluster:pg-ai', 'postgres-cluster:pg-media', 'postgres-cluster:pg-other',
      'postgres-cluster:pg-platform', 'postgres-cluster:pg-productivity', 'ray-cluster:ray-batch', 'ray-job:rag-ingest',
      'ray-service:llm-serve', 'secret-store:vault', 'storage-class:ceph-block', 'storage-class:ceph-filesystem',
      'storage-pool:ceph-blockpool', 'storage-pool:ceph-filesystem-pool',
    ]);
    expect(byType('storage-class')).toEqual(['ceph-block', 'ceph-filesystem']);
    expect(byType('secret-store')).toEqual(['vault']);
    expect(byType('ingress-class')).toEqual(['haproxy', 'haproxy-restricted']);
    expect(byType('ray-service')).toEqual(['llm-serve']);
    expect(byType('ray-cluster')).toEqual(['ray-batch']);
    expect(byType('ceph-cluster')).toHaveLength(1);
  });

  it('gives every dependency the file that shows it', () => {
    for (const d of model.units.flatMap(u => u.dependencies)) expect(d.file).toMatch(/^cluster\//);
  });

  it('records why: the file and the value naming the Postgres host', () => {
    const pg = unit('immich').dependencies.find(d => d.target === 'pg-media')!;
    expect(pg.file).toMatch(/^cluster\/apps\/media\/immich\//);
    expect(pg.reason).toMatch(/pg-media-(rw|ro|r)/);
  });

  it('gives apps their ingress hosts and workload selector', () => {
    expect(unit('jellyfin').hosts).toEqual(['jellyfin.homelab.example']);
    expect(unit('jellyfin').labelSelector).toBe('app.kubernetes.io/name=jellyfin');
    // Both of immich's Deployments (server and machine learning), by the label they share.
    expect(unit('immich').labelSelector).toBe('app.kubernetes.io/name=immich');
    expect(unit('headscale').ingresses[0].file).toBe('cluster/apps/shared/ingress/headscale.yaml');
  });
});

describe('buildRepoModel on a differently laid out repo, by configuration', () => {
  const flatLayout: GitOpsLayout = {
    ...DEFAULT_LAYOUT,
    apps: [{ root: 'apps', unit: 'file', exclude: [] }],
    systems: [],
    websiteDomains: [],
  };
  let model: RepoModel;
  beforeAll(async () => {
    model = buildRepoModel(await readLocalRepo(`${examples}/flat-homelab`), flatLayout);
  });

  it('makes one app per service file, grouped by node, and skips non-apps', () => {
    const apps = model.units.filter(u => u.layer === 'app').map(u => `${u.domain}/${u.name}`).sort();
    expect(apps).toEqual([
      'gpu/ollama', 'mini/home-assistant', 'mini/mosquitto', 'mini/vaultwarden', 'mini/www', 'mini/zigbee2mqtt',
      'nas/grafana', 'nas/immich', 'nas/immich-db', 'nas/redis',
    ]);
  });

  it('maps the one Argo Application to every service it recurses into', () => {
    for (const u of model.units.filter(x => x.layer === 'app')) {
      expect(u.argoApps.map(a => a.name)).toEqual(['homelab']);
    }
  });

  it('reads Traefik IngressRoutes as ingress, plain Postgres and Redis as resources', () => {
    const immich = model.units.find(u => u.name === 'immich')!;
    expect(immich.hosts).toEqual(['photos.lan.example']);
    expect(Object.fromEntries(model.units.map(u => [u.name, u.dependencies.map(d => d.target)]))).toEqual({
      grafana: [],
      'home-assistant': [],
      immich: ['immich-db', 'redis'],
      'immich-db': [],
      mosquitto: [],
      ollama: [],
      redis: [],
      vaultwarden: [],
      www: [],
      zigbee2mqtt: [],
    });
    expect(model.resources.find(r => r.name === 'immich-db')?.type).toBe('postgres-cluster');
    expect(model.resources.find(r => r.name === 'redis')?.type).toBe('cache');
  });
});
