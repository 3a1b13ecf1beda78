import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { coreServices, createBackendPlugin, type AuthService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef, type CatalogService } from '@backstage/plugin-catalog-node';
import catalogModuleHomelabGitOps from '@internal/plugin-catalog-backend-module-homelab-gitops';
import { ArchitectureCollatorFactory } from './ArchitectureCollatorFactory';
import type { ArchitectureSearchDocument } from './architectureSearchDocument';

const exampleRepo = resolve(__dirname, '../../../../examples/homelab-gitops');

// The collator runs inside the search plugin with the catalog service; here a
// plugin of its own hands out the same two services of a real catalog that
// GitOps discovery fills from the example repo.
let services: { catalog: CatalogService; auth: AuthService } | undefined;
const collatorHost = createBackendPlugin({
  pluginId: 'collator-host',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogServiceRef, auth: coreServices.auth },
      async init(deps) {
        services = deps;
      },
    });
  },
});

async function collect(): Promise<ArchitectureSearchDocument[]> {
  const collator = await new ArchitectureCollatorFactory(services!).getCollator();
  const documents: ArchitectureSearchDocument[] = [];
  for await (const document of collator) documents.push(document);
  return documents;
}

const mediaDomain: ArchitectureSearchDocument = {
  title: 'Architecture of domain media',
  text: [
    'Domain media: 6 components in 1 system, using 6 data services.',
    'Systems: media-apps.',
    'Components: immich (service, owned by group:admins, system media-apps); jellyfin (service, owned by group:admins, system media-apps); ' +
      'media-shared (platform, owned by group:admins, system media-apps); plex (service, owned by group:admins, system media-apps); ' +
      'radarr (service, owned by group:admins, system media-apps); sonarr (service, owned by group:admins, system media-apps).',
    'Data services: ceph-block (storage-class) used by immich, jellyfin, radarr, sonarr; haproxy (ingress-class) used by immich, jellyfin; ' +
      'haproxy-restricted (ingress-class) used by radarr, sonarr; pg-media (postgres-cluster) used by immich, radarr, sonarr; ' +
      'valkey-queue (cache) used by immich; vault (secret-store) used by immich, jellyfin, media-shared, radarr, sonarr.',
    'Hosts: immich.homelab.example (immich); jellyfin.homelab.example (jellyfin); radarr.homelab.example (radarr); sonarr.homelab.example (sonarr).',
    'Argo apps: immich (immich); jellyfin (jellyfin); media-shared (media-shared); plex (plex); radarr (radarr); sonarr (sonarr).',
  ].join('\n'),
  location: '/catalog/default/domain/media/architecture',
  kind: 'Domain',
  namespace: 'default',
  name: 'media',
  authorization: { resourceRef: 'domain:default/media' },
};

const dataSystem: ArchitectureSearchDocument = {
  title: 'Architecture of system data',
  text: [
    'System data: 8 components, using 2 data services.',
    'Systems: data.',
    'Components: cnpg-operator (platform, owned by group:admins, system data); pg-ai (platform, owned by group:admins, system data); ' +
      'pg-media (platform, owned by group:admins, system data); pg-other (platform, owned by group:admins, system data); ' +
      'pg-platform (platform, owned by group:admins, system data); pg-productivity (platform, owned by group:admins, system data); ' +
      'valkey-cache (platform, owned by group:admins, system data); valkey-queue (platform, owned by group:admins, system data).',
    'Data services: ceph-block (storage-class) used by pg-ai, pg-media, pg-other, pg-platform, pg-productivity, valkey-queue; ' +
      'vault (secret-store) used by pg-ai, pg-media, pg-other, pg-platform, pg-productivity, valkey-cache, valkey-queue.',
    // Chart repositories are links too, but no host the system serves.
    'Hosts: none.',
    'Argo apps: cnpg-operator (cnpg-operator); pg-ai (pg-ai); pg-media (pg-media); pg-other (pg-other); pg-platform (pg-platform); ' +
      'pg-productivity (pg-productivity); valkey-cache (valkey-cache); valkey-queue (valkey-queue).',
  ].join('\n'),
  location: '/catalog/default/system/data/architecture',
  kind: 'System',
  namespace: 'default',
  name: 'data',
  authorization: { resourceRef: 'system:default/data' },
};

const pages = (documents: ArchitectureSearchDocument[]) => documents.map(d => [d.location, d.title]);
const expectedPages = [
  ...['ai', 'media', 'other', 'platform', 'productivity', 'web'].map(d => [`/catalog/default/domain/${d}/architecture`, `Architecture of domain ${d}`]),
  ...[
    'ai-apps', 'backup', 'data', 'gitops', 'media-apps', 'networking', 'observability', 'other-apps',
    'productivity-apps', 'scheduling', 'security', 'service-mesh', 'storage', 'web-apps',
  ].map(s => [`/catalog/default/system/${s}/architecture`, `Architecture of system ${s}`]),
];
const find = (documents: ArchitectureSearchDocument[], location: string) => documents.find(d => d.location === location);

describe('ArchitectureCollatorFactory over the example repo catalog', () => {
  jest.setTimeout(300_000);
  let stop: (() => Promise<void>) | undefined;
  let documents: ArchitectureSearchDocument[] = [];

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleHomelabGitOps,
        collatorHost,
        mockServices.rootConfig.factory({
          data: {
            catalog: { rules: [{ allow: ['Component', 'System', 'Resource', 'Domain', 'Location'] }] },
            homelab: {
              gitops: {
                owner: 'group:admins',
                sources: [{ id: 'homelab-gitops', path: exampleRepo, schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } } }],
              },
            },
          },
        }),
      ],
    });
    stop = () => backend.stop();
    // The catalog processes discovery's entities in the background and
    // computes their relations one by one: collect until the pages are whole
    // (or give up and let the assertions say what is missing).
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline) {
      documents = await collect();
      if (
        isDeepStrictEqual(pages(documents), expectedPages) &&
        isDeepStrictEqual(find(documents, mediaDomain.location), mediaDomain) &&
        isDeepStrictEqual(find(documents, dataSystem.location), dataSystem)
      ) {
        return;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  it('indexes one page per domain and per system, at its Architecture tab', () => {
    expect(pages(documents)).toEqual(expectedPages);
  });

  it('writes a domain page: its systems, components, the data services with their users, hosts and Argo apps', () => {
    expect(find(documents, mediaDomain.location)).toEqual(mediaDomain);
  });

  it('writes a system page, without the hosts of Helm chart links', () => {
    expect(find(documents, dataSystem.location)).toEqual(dataSystem);
  });

  it('says which apps use a data service only on the pages of their domain and system', () => {
    expect(documents.filter(d => d.text.includes('pg-media (postgres-cluster) used by immich, radarr, sonarr')).map(d => d.location)).toEqual([
      '/catalog/default/domain/media/architecture',
      '/catalog/default/system/media-apps/architecture',
    ]);
  });
});
