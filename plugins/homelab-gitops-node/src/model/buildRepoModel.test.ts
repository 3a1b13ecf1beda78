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

  it('finds every app, nested variants included, with domain and system', () => {
    const apps = model.units.filter(u => u.layer === 'app').map(u => `${u.domain}/${u.name}`).sort();
    expect(apps).toEqual(
      expect.arrayContaining([
        'ai/n8n', 'ai/open-webui', 'ai/qdrant', 'ai/ray-batch', 'ai/ray-llm',
        'media/immich', 'media/jellyfin', 'media/radarr', 'media/sonarr',
        'other/headscale', 'other/minio', 'other/truenas',
        'productivity/homarr', 'productivity/nextcloud', 'productivity/paperless-ngx',
        'productivity/uptime-kuma', 'productivity/vaultwarden',
        'web/portfolio-prod', 'web/portfolio-staging',
      ]),
    );
    expect(unit('jellyfin')).toMatchObject({ system: 'media-apps', namespace: 'media', path: 'cluster/apps/media/jellyfin' });
    expect(unit('portfolio-staging')).toMatchObject({ website: true, path: 'cluster/apps/web/portfolio/staging' });
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
    expect(byType('storage-class')).toEqual(['ceph-block', 'ceph-filesystem']);
    expect(byType('secret-store')).toEqual(['vault']);
    expect(byType('ingress-class')).toEqual(['haproxy', 'haproxy-restricted']);
    expect(byType('ray-service')).toEqual(['llm-serve']);
    expect(byType('ray-cluster')).toEqual(['ray-batch']);
    expect(byType('ceph-cluster')).toHaveLength(1);
  });

  it.each([
    ['immich', ['ceph-block', 'pg-media', 'valkey-queue', 'vault']],
    ['open-webui', ['ceph-filesystem', 'haproxy', 'llm-serve', 'pg-ai', 'valkey-cache', 'vault']],
    ['jellyfin', ['ceph-block', 'haproxy']],
  ])('%s depends on %j, each with evidence', (name, targets) => {
    const deps = unit(name).dependencies;
    expect(deps.map(d => d.target)).toEqual(expect.arrayContaining(targets));
    for (const d of deps) expect(d.file).toMatch(/^cluster\//);
  });

  it('records why: the file and the value naming the Postgres host', () => {
    const pg = unit('immich').dependencies.find(d => d.target === 'pg-media')!;
    expect(pg.file).toMatch(/^cluster\/apps\/media\/immich\//);
    expect(pg.reason).toMatch(/pg-media-(rw|ro|r)/);
  });

  it('gives apps their ingress hosts and workload selector', () => {
    expect(unit('jellyfin').hosts).toEqual(['jellyfin.homelab.example']);
    expect(unit('jellyfin').labelSelector).toMatch(/jellyfin/);
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
    expect(immich.dependencies.map(d => d.target)).toEqual(['immich-db', 'redis']);
    expect(model.resources.find(r => r.name === 'immich-db')?.type).toBe('postgres-cluster');
    expect(model.resources.find(r => r.name === 'redis')?.type).toBe('cache');
  });
});
