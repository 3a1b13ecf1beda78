import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { HomelabAnnotations, ingressHostLink } from '@internal/plugin-homelab-common';

// Shaped like GitOps discovery's entities for the example repo (names and
// annotations as modelToEntities writes them).
const component = (name: string, system: string, type: string, path: string, hosts: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [HomelabAnnotations.gitopsPath]: path },
    links: hosts.map(ingressHostLink),
  },
  spec: { type, lifecycle: 'production', owner: 'group:default/admins', system },
});

const resource = (name: string, type: string, k8sName: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      [HomelabAnnotations.k8sName]: k8sName,
      ...(namespace ? { [HomelabAnnotations.k8sNamespace]: namespace } : {}),
    },
  },
  spec: { type, owner: 'group:default/admins', system: 'data' },
});

const plain = (kind: string, name: string, spec: JsonObject = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

/** A slice of the example repo's catalog. */
export const exampleCatalog: Entity[] = [
  plain('Domain', 'media', { owner: 'group:default/admins' }),
  plain('Domain', 'platform', { owner: 'group:default/admins' }),
  plain('Domain', 'web', { owner: 'group:default/admins' }),
  plain('System', 'media-apps', { owner: 'group:default/admins', domain: 'media' }),
  plain('System', 'web-apps', { owner: 'group:default/admins', domain: 'web' }),
  plain('System', 'data', { owner: 'group:default/admins', domain: 'platform' }),
  component('jellyfin', 'media-apps', 'service', 'cluster/apps/media/jellyfin', ['jellyfin.homelab.example']),
  component('immich', 'media-apps', 'service', 'cluster/apps/media/immich', ['immich.homelab.example']),
  component('portfolio-prod', 'web-apps', 'website', 'cluster/apps/web/portfolio/prod', ['www.homelab.example']),
  component('cloudnative-pg', 'data', 'platform', 'cluster/platform/data/cloudnative-pg'),
  resource('pg-media', 'postgres-cluster', 'pg-media', 'database'),
  resource('database-pg-other', 'postgres-cluster', 'pg-other', 'database'),
  resource('haproxy', 'ingress-class', 'haproxy'),
  resource('haproxy-restricted', 'ingress-class', 'haproxy-restricted'),
  plain('User', 'friend', { memberOf: [] }),
  plain('Group', 'admins', { type: 'team', children: [] }),
];
