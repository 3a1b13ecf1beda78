import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { INGRESS_HOST_LINK_TYPE } from '@internal/plugin-homelab-common';
import type { PlatformOverview, Severity } from '@internal/plugin-homelab-state-common';

/** An app the home page lists. */
export interface HomeApp {
  ref: string;
  name: string;
  domain: string;
  url?: string;
}

/** One item of the platform health strip. */
export interface HealthItem {
  label: string;
  value: string;
  severity: Severity;
}

/** Everything the home page shows, derived from the catalog and the live-state overview. */
export interface HomePageModel {
  yourApps: HomeApp[];
  quickLinks: Array<{ domain: string; apps: Array<HomeApp & { url: string; host: string }> }>;
  health?: HealthItem[];
}

const APP_TYPES = new Set(['service', 'website']);
// The first ingress host: a component's other https links are Helm chart repos.
const webUrl = (entity: Entity) =>
  entity.metadata.links?.find(l => l.type === INGRESS_HOST_LINK_TYPE && /^https?:\/\//.test(l.url))?.url;

/**
 * The home page from catalog entities (components and systems), the signed-in
 * user's ownership refs and, when it could be read, the platform overview.
 */
export function buildHomePageModel(
  entities: Entity[],
  ownershipRefs: string[],
  overview?: PlatformOverview,
): HomePageModel {
  const domainOfSystem = new Map(
    entities
      .filter(e => e.kind === 'System')
      .map(e => [e.metadata.name, typeof e.spec?.domain === 'string' ? e.spec.domain : 'other']),
  );
  const apps: Array<HomeApp & { owner: string }> = entities
    .filter(e => e.kind === 'Component' && APP_TYPES.has(String(e.spec?.type)))
    .map(e => ({
      ref: stringifyEntityRef(e),
      name: e.metadata.title ?? e.metadata.name,
      domain: domainOfSystem.get(String(e.spec?.system)) ?? 'other',
      url: webUrl(e),
      owner: String(e.spec?.owner ?? ''),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const owners = new Set(ownershipRefs.map(r => r.toLocaleLowerCase('en-US')));
  const ownerRef = (owner: string) => {
    const withKind = owner.includes(':') ? owner : `group:${owner}`;
    return (withKind.includes('/') ? withKind : withKind.replace(':', ':default/')).toLocaleLowerCase('en-US');
  };
  const strip = ({ owner: _owner, ...app }: HomeApp & { owner: string }) => app;
  const yourApps = apps.filter(a => owners.has(ownerRef(a.owner))).map(strip);

  const byDomain = new Map<string, Array<HomeApp & { url: string; host: string }>>();
  for (const app of apps.map(strip)) {
    if (!app.url) continue;
    byDomain.set(app.domain, [...(byDomain.get(app.domain) ?? []), { ...app, url: app.url, host: new URL(app.url).hostname }]);
  }
  const quickLinks = [...byDomain.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, list]) => ({ domain, apps: list }));

  return { yourApps, quickLinks, health: overview && platformHealth(overview) };
}

const worst = (severities: Severity[]): Severity =>
  (['error', 'warning', 'unknown', 'ok'] as Severity[]).find(s => severities.includes(s)) ?? 'ok';

/**
 * The health strip: Ceph health, CNPG clusters with stale backups, Argo apps
 * needing attention. Replica and hibernated clusters are not meant to take
 * backups of their own: they are named apart, never counted as stale.
 */
export function platformHealth(overview: PlatformOverview): HealthItem[] {
  const ceph = overview.ceph.clusters;
  const judged = overview.cnpg.filter(c => c.backupFreshness !== 'not-applicable');
  const exempt = overview.cnpg.filter(c => c.backupFreshness === 'not-applicable');
  const stale = judged.filter(c => c.backupFreshness !== 'fresh');
  const attention = overview.argo.needsAttention;
  const notJudged = exempt.length
    ? `; not judged: ${exempt.map(c => `${c.name} (${c.backupExemption === 'hibernated' ? 'hibernated' : 'replica'})`).join(', ')}`
    : '';
  return [
    {
      label: 'Ceph',
      value: ceph.length === 0 ? 'no cluster' : ceph.map(c => c.health ?? 'not reported').join(', '),
      severity: ceph.length === 0 ? 'unknown' : worst(ceph.map(c => c.severity)),
    },
    {
      label: 'Postgres backups',
      value:
        (stale.length === 0
          ? `${judged.length} cluster${judged.length === 1 ? '' : 's'}, all fresh`
          : `${stale.length} of ${judged.length} stale or missing: ${stale.map(c => c.name).join(', ')}`) + notJudged,
      severity: stale.length === 0 ? 'ok' : 'warning',
    },
    {
      label: 'Argo CD',
      value:
        attention.length === 0
          ? `${overview.argo.total} apps synced and healthy`
          : `${attention.length} of ${overview.argo.total} need attention: ${attention.map(a => a.name).join(', ')}`,
      severity: attention.length === 0 ? 'ok' : worst(attention.map(a => a.severity)),
    },
  ];
}
