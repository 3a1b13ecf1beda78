import type { Entity } from '@backstage/catalog-model';
import { architectureMermaid, buildArchitecturePage } from './buildArchitecturePage';
import { ingressHostLink } from './ingressHosts';

const rel = (type: string, targetRef: string) => ({ type, targetRef });
const entity = (kind: string, name: string, spec: object, relations: Array<{ type: string; targetRef: string }>, extra: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra },
  spec,
  relations,
});

// Shaped like what the catalog serves for discovery's entities (relations computed).
const entities: Entity[] = [
  entity('Domain', 'media', { owner: 'group:admins' }, [rel('hasPart', 'system:default/media-apps')]),
  entity('Domain', 'platform', { owner: 'group:admins' }, [rel('hasPart', 'system:default/data')]),
  entity('System', 'media-apps', { owner: 'group:admins', domain: 'media' }, [
    rel('partOf', 'domain:default/media'),
    rel('hasPart', 'component:default/immich'),
    rel('hasPart', 'component:default/jellyfin'),
  ]),
  entity('System', 'data', { owner: 'group:admins', domain: 'platform' }, [rel('partOf', 'domain:default/platform')]),
  entity(
    'Component',
    'jellyfin',
    { type: 'service', owner: 'group:admins', system: 'media-apps' },
    [rel('partOf', 'system:default/media-apps'), rel('ownedBy', 'group:default/admins')],
    { links: [ingressHostLink('jellyfin.homelab.example')], annotations: { 'argocd/app-name': 'jellyfin' } },
  ),
  entity(
    'Component',
    'immich',
    { type: 'service', owner: 'user:alex', system: 'media-apps', dependsOn: ['resource:default/pg-media', 'resource:default/valkey-queue'] },
    [
      rel('partOf', 'system:default/media-apps'),
      rel('ownedBy', 'user:default/alex'),
      rel('dependsOn', 'resource:default/pg-media'),
      rel('dependsOn', 'resource:default/valkey-queue'),
    ],
    {
      links: [
        ingressHostLink('immich.homelab.example'),
        { url: 'https://immich.homelab.example/share', title: 'shared albums', type: 'ingress-host' },
        { url: 'oci://charts/immich', title: 'chart' },
        { url: 'https://immich-app.github.io/immich-charts', title: 'Helm chart immich 0.9.3', icon: 'catalog' },
      ],
    },
  ),
  entity('Component', 'cloudnative-pg', { type: 'platform', owner: 'group:admins', system: 'data' }, [rel('partOf', 'system:default/data')], {
    annotations: { 'argocd/app-name': 'cloudnative-pg' },
  }),
  entity('Resource', 'pg-media', { type: 'postgres-cluster', owner: 'group:admins', system: 'data' }, [rel('partOf', 'system:default/data')]),
  entity('Resource', 'valkey-queue', { type: 'cache', owner: 'group:admins', system: 'data' }, [rel('partOf', 'system:default/data')]),
];
const find = (kind: string, name: string) => entities.find(e => e.kind === kind && e.metadata.name === name)!;

describe('buildArchitecturePage', () => {
  it('lists a domain: its systems, components with type and owner, data services, hosts, Argo apps and the diagram', () => {
    const page = buildArchitecturePage(find('Domain', 'media'), entities);
    expect(page).toEqual({
      title: 'media',
      kind: 'Domain',
      systems: ['media-apps'],
      components: [
        {
          ref: 'component:default/immich',
          name: 'immich',
          type: 'service',
          owner: 'user:alex',
          system: 'media-apps',
          hosts: ['immich.homelab.example'],
          argoApp: undefined,
          uses: ['resource:default/pg-media', 'resource:default/valkey-queue'],
        },
        {
          ref: 'component:default/jellyfin',
          name: 'jellyfin',
          type: 'service',
          owner: 'group:admins',
          system: 'media-apps',
          hosts: ['jellyfin.homelab.example'],
          argoApp: 'jellyfin',
          uses: [],
        },
      ],
      dataServices: [
        { ref: 'resource:default/pg-media', name: 'pg-media', type: 'postgres-cluster', usedBy: ['immich'] },
        { ref: 'resource:default/valkey-queue', name: 'valkey-queue', type: 'cache', usedBy: ['immich'] },
      ],
      hosts: [
        { host: 'immich.homelab.example', component: 'immich' },
        { host: 'jellyfin.homelab.example', component: 'jellyfin' },
      ],
      argoApps: [{ name: 'jellyfin', component: 'jellyfin' }],
      diagram: {
        nodes: ['component:default/immich', 'component:default/jellyfin', 'resource:default/pg-media', 'resource:default/valkey-queue'],
        edges: [
          { from: 'component:default/immich', to: 'resource:default/pg-media' },
          { from: 'component:default/immich', to: 'resource:default/valkey-queue' },
        ],
      },
    });
  });

  it('keeps a system to its own components; another domain\'s do not leak in', () => {
    const page = buildArchitecturePage(find('System', 'data'), entities);
    expect(page.components.map(c => c.name)).toEqual(['cloudnative-pg']);
    expect(page.dataServices).toEqual([]);
    expect(page.argoApps).toEqual([{ name: 'cloudnative-pg', component: 'cloudnative-pg' }]);
  });

  it('renders the diagram as Mermaid', () => {
    expect(architectureMermaid(buildArchitecturePage(find('System', 'media-apps'), entities))).toBe(
      [
        'flowchart LR',
        '  component_default_immich["immich"]',
        '  component_default_jellyfin["jellyfin"]',
        '  resource_default_pg_media[("pg-media")]',
        '  resource_default_valkey_queue[("valkey-queue")]',
        '  component_default_immich --> resource_default_pg_media',
        '  component_default_immich --> resource_default_valkey_queue',
      ].join('\n'),
    );
  });
});
