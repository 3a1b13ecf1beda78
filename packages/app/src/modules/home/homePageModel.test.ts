import type { Entity } from '@backstage/catalog-model';
import { ingressHostLink } from '@internal/plugin-homelab-common';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import { buildHomePageModel, platformHealth } from './homePageModel';

const component = (name: string, system: string, owner: string, type = 'service', host?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    // Every component has a Helm chart link too: an https link that is no web UI.
    links: [...(host ? [ingressHostLink(host)] : []), { url: `https://charts.example.org/${name}/`, title: 'Helm chart', icon: 'catalog' }],
  },
  spec: { type, owner, system, lifecycle: 'production' },
});
const system = (name: string, domain: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:admins', domain },
});

const entities = [
  system('media-apps', 'media'),
  system('ai-apps', 'ai'),
  system('storage', 'platform'),
  component('jellyfin', 'media-apps', 'group:admins', 'service', 'jellyfin.homelab.example'),
  component('n8n', 'ai-apps', 'user:alex', 'service', 'n8n.homelab.example'),
  component('radarr', 'media-apps', 'admins'),
  component('rook-ceph', 'storage', 'group:admins', 'platform', 'ceph.homelab.example'),
];

describe('buildHomePageModel', () => {
  it("lists the signed-in user's apps, by their groups too, and not platform components", () => {
    const model = buildHomePageModel(entities, ['user:default/guest', 'group:default/admins']);
    expect(model.yourApps).toEqual([
      { ref: 'component:default/jellyfin', name: 'jellyfin', domain: 'media', url: 'https://jellyfin.homelab.example' },
      { ref: 'component:default/radarr', name: 'radarr', domain: 'media', url: undefined },
    ]);
    expect(buildHomePageModel(entities, ['user:default/alex']).yourApps.map(a => a.name)).toEqual(['n8n']);
    expect(buildHomePageModel(entities, []).yourApps).toEqual([]);
  });

  it('groups quick links to every app web UI by domain, apps without a host left out', () => {
    expect(buildHomePageModel(entities, []).quickLinks).toEqual([
      { domain: 'ai', apps: [{ ref: 'component:default/n8n', name: 'n8n', domain: 'ai', url: 'https://n8n.homelab.example', host: 'n8n.homelab.example' }] },
      {
        domain: 'media',
        apps: [{ ref: 'component:default/jellyfin', name: 'jellyfin', domain: 'media', url: 'https://jellyfin.homelab.example', host: 'jellyfin.homelab.example' }],
      },
    ]);
  });

  it('has no health strip without an overview', () => {
    expect(buildHomePageModel(entities, []).health).toBeUndefined();
  });
});

describe('platformHealth', () => {
  const overview = (parts: Partial<PlatformOverview>): PlatformOverview =>
    ({
      generatedAt: '2026-11-25T12:00:00Z',
      clusters: ['homelab'],
      ceph: { clusters: [], pools: [] },
      cnpg: [],
      ray: { clusters: [], services: [], jobs: [] },
      argo: { total: 0, synced: 0, outOfSync: 0, healthy: 0, degraded: 0, progressing: 0, missing: 0, suspended: 0, unknown: 0, needsAttention: [], applications: [] },
      errors: [],
      ...parts,
    }) as PlatformOverview;

  it('names Ceph health, stale Postgres backups and Argo apps needing attention', () => {
    const health = platformHealth(
      overview({
        ceph: { clusters: [{ name: 'rook-ceph', health: 'HEALTH_WARN', severity: 'warning', checks: [], daemons: {}, versions: [], cluster: 'homelab' } as any], pools: [] },
        cnpg: [
          { name: 'pg-media', backupFreshness: 'stale', severity: 'warning', cluster: 'homelab' } as any,
          { name: 'pg-ai', backupFreshness: 'fresh', severity: 'ok', cluster: 'homelab' } as any,
          { name: 'pg-other', backupFreshness: 'none', severity: 'warning', cluster: 'homelab' } as any,
        ],
        argo: {
          total: 30, synced: 28, outOfSync: 2, healthy: 29, degraded: 1, progressing: 0, missing: 0, suspended: 0, unknown: 0,
          needsAttention: [{ name: 'immich', severity: 'error' } as any, { name: 'radarr', severity: 'warning' } as any],
          applications: [],
        },
      }),
    );
    expect(health).toEqual([
      { label: 'Ceph', value: 'HEALTH_WARN', severity: 'warning' },
      { label: 'Postgres backups', value: '2 of 3 stale or missing: pg-media, pg-other', severity: 'warning' },
      { label: 'Argo CD', value: '2 of 30 need attention: immich, radarr', severity: 'error' },
    ]);
  });

  it('does not count replica or hibernated clusters as stale or missing backups, and names them apart', () => {
    const cnpg = [
      { name: 'pg-media', backupFreshness: 'stale', severity: 'warning' },
      { name: 'pg-ai', backupFreshness: 'fresh', severity: 'ok' },
      { name: 'pg-platform-dr', backupFreshness: 'not-applicable', backupExemption: 'replica', severity: 'ok' },
      { name: 'pg-old', backupFreshness: 'not-applicable', backupExemption: 'hibernated', severity: 'ok' },
    ] as PlatformOverview['cnpg'];
    expect(platformHealth(overview({ cnpg }))[1]).toEqual({
      label: 'Postgres backups',
      value: '1 of 2 stale or missing: pg-media; not judged: pg-platform-dr (replica), pg-old (hibernated)',
      severity: 'warning',
    });
    // Without the stale one, the rest is all fresh: the exempt two do not make it a warning.
    expect(platformHealth(overview({ cnpg: cnpg.slice(1) }))[1]).toEqual({
      label: 'Postgres backups',
      value: '1 cluster, all fresh; not judged: pg-platform-dr (replica), pg-old (hibernated)',
      severity: 'ok',
    });
    // A judged cluster never backed up is still missing.
    expect(platformHealth(overview({ cnpg: [{ name: 'pg-new', backupFreshness: 'none', severity: 'warning' }] as PlatformOverview['cnpg'] }))[1]).toEqual({
      label: 'Postgres backups',
      value: '1 of 1 stale or missing: pg-new',
      severity: 'warning',
    });
  });

  it('is all ok on a healthy platform, and unknown without a Ceph cluster', () => {
    expect(platformHealth(overview({ cnpg: [{ name: 'pg-ai', backupFreshness: 'fresh' } as any] }))).toEqual([
      { label: 'Ceph', value: 'no cluster', severity: 'unknown' },
      { label: 'Postgres backups', value: '1 cluster, all fresh', severity: 'ok' },
      { label: 'Argo CD', value: '0 apps synced and healthy', severity: 'ok' },
    ]);
  });
});
