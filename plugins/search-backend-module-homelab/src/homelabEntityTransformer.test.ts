import type { Entity } from '@backstage/catalog-model';
import { ingressHostLink } from '@internal/plugin-homelab-common';
import { homelabEntityTransformer } from './homelabEntityTransformer';

const jellyfin: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'jellyfin',
    description: 'media app in cluster/apps/media/jellyfin.',
    tags: ['media'],
    links: [
      ingressHostLink('jellyfin.homelab.example'),
      { url: 'https://jellyfin.homelab.example/web', title: 'same host again', type: 'ingress-host' },
      { url: 'https://charts.example.org/jellyfin/', title: 'Helm chart jellyfin', icon: 'catalog' },
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

  it('takes no host from a chart link', () => {
    const chartOnly = { ...jellyfin, metadata: { ...jellyfin.metadata, links: [{ url: 'https://charts.example.org/jellyfin/', title: 'Helm chart jellyfin' }] } };
    expect(homelabEntityTransformer(chartOnly).text).toBe('media app in cluster/apps/media/jellyfin. : system media-apps : media');
  });

  it('names the domain of a system', () => {
    const system: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'media-apps' }, spec: { owner: 'group:admins', domain: 'media' } };
    expect(homelabEntityTransformer(system).text).toBe('domain media');
  });
});
