import type { Entity } from '@backstage/catalog-model';
import { entityIngressHosts, ingressHostLink } from './ingressHosts';

const component = (links: Entity['metadata']['links']): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'immich', links },
  spec: {},
});

describe('entityIngressHosts', () => {
  it('reads the ingress host links discovery writes, once each, lower-cased', () => {
    expect(
      entityIngressHosts(
        component([ingressHostLink('immich.homelab.example'), ingressHostLink('Photos.homelab.example'), ingressHostLink('immich.homelab.example')]),
      ),
    ).toEqual(['immich.homelab.example', 'photos.homelab.example']);
  });

  it('is not fooled by the other https links of a component: Helm chart repos and vendored chart folders', () => {
    expect(
      entityIngressHosts(
        component([
          { url: 'https://cloudnative-pg.github.io/charts/', title: 'Helm chart cloudnative-pg 0.25.0', icon: 'catalog' },
          { url: 'https://github.com/example/homelab-gitops/tree/main/charts/app/', title: 'Helm chart app (vendored in charts/app)', icon: 'catalog' },
          { url: 'oci://ghcr.io/example/charts', title: 'Helm chart x' },
          { url: 'not a url', title: 'broken', type: 'ingress-host' },
        ]),
      ),
    ).toEqual([]);
    expect(entityIngressHosts(component(undefined))).toEqual([]);
  });
});
