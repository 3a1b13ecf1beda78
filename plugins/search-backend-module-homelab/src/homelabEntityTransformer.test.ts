import type { Entity } from '@backstage/catalog-model';
import { entityHosts, homelabEntityTransformer } from './homelabEntityTransformer';

const jellyfin: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'jellyfin',
    description: 'media app in cluster/apps/media/jellyfin.',
    tags: ['media'],
    links: [
      { url: 'https://jellyfin.homelab.example', title: 'jellyfin.homelab.example', icon: 'web' },
      { url: 'https://jellyfin.homelab.example/web', title: 'same host again' },
      { url: 'oci://ghcr.io/charts/jellyfin', title: 'Helm chart jellyfin' },
      { url: 'not a url', title: 'broken' },
    ],
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:admins', system: 'media-apps' },
};

describe('homelabEntityTransformer', () => {
  it('puts the ingress hosts, system and tags into the searchable text', () => {
    expect(homelabEntityTransformer(jellyfin)).toEqual({
      title: 'jellyfin',
      text: 'media app in cluster/apps/media/jellyfin. : jellyfin.homelab.example : system media-apps : media',
      componentType: 'service',
      type: 'service',
      namespace: 'default',
      kind: 'Component',
      lifecycle: 'production',
      owner: 'group:admins',
    });
  });

  it('takes only http(s) hosts, once each', () => {
    expect(entityHosts(jellyfin)).toEqual(['jellyfin.homelab.example']);
    expect(entityHosts({ ...jellyfin, metadata: { name: 'x' } })).toEqual([]);
  });

  it('names the domain of a system', () => {
    const system: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'media-apps' }, spec: { owner: 'group:admins', domain: 'media' } };
    expect(homelabEntityTransformer(system).text).toBe('domain media');
  });
});
