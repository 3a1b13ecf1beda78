import { Entity } from '@backstage/catalog-model';
import { entityIngressHosts, HomelabAnnotations, ingressHostLink } from '@internal/plugin-homelab-common';
import { appDomainNames } from './appDomainNames';
import { findAppNameClash } from './findAppNameClash';
import { findHostClash } from './findHostClash';
import { ingressClassVisibility } from './ingressClassVisibility';
import { learnBaseDomain } from './learnBaseDomain';

// Shaped like what GitOps discovery writes for the example repo.
const component = (name: string, system: string, type: string, hosts: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [HomelabAnnotations.gitopsPath]: `cluster/apps/${system}/${name}` },
    links: hosts.map(ingressHostLink),
  },
  spec: { type, lifecycle: 'production', owner: 'group:default/admins', system },
});
const system = (name: string, domain: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/admins', domain },
});
const domain = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'group:default/admins' },
});

const components = [
  component('jellyfin', 'media-apps', 'service', ['jellyfin.homelab.example']),
  component('immich', 'media-apps', 'service', ['immich.homelab.example']),
  component('portfolio-prod', 'web-apps', 'website', ['www.homelab.example', 'homelab.example']),
  component('rook-ceph', 'storage', 'platform'),
  component('vault', 'security', 'platform', ['vault.homelab.example']),
];

describe('findAppNameClash', () => {
  it('names the existing component and its directory', () => {
    expect(findAppNameClash('jellyfin', components)).toEqual({
      entityRef: 'component:default/jellyfin',
      message: 'An app named "jellyfin" already exists: component:default/jellyfin in cluster/apps/media-apps/jellyfin. Pick another name.',
    });
  });
  it('finds nothing for a free name or a non-component', () => {
    expect(findAppNameClash('jellyfin2', components)).toBeUndefined();
    expect(findAppNameClash('media', [domain('media')])).toBeUndefined();
  });
});

describe('hosts', () => {
  it('reads hosts from the ingress host links only, not from chart links', () => {
    const e = component('x', 's', 'service', ['a.homelab.example']);
    e.metadata.links!.push({ url: 'oci://ghcr.io/chart' }, { url: 'https://charts.jetstack.io/', title: 'Helm chart cert-manager' });
    expect(entityIngressHosts(e)).toEqual(['a.homelab.example']);
    expect(findHostClash('charts.jetstack.io', [e])).toBeUndefined();
  });
  it('finds the entity already serving a host', () => {
    expect(findHostClash('immich.homelab.example', components)).toEqual({
      entityRef: 'component:default/immich',
      message: 'immich.homelab.example is already served by component:default/immich. Pick another host name.',
    });
    expect(findHostClash('new.homelab.example', components)).toBeUndefined();
  });
  it('learns the base domain as the most common parent of the hosts', () => {
    expect(learnBaseDomain(components.flatMap(entityIngressHosts))).toBe('homelab.example');
    expect(learnBaseDomain(['a.x.org', 'b.lab.y.org', 'c.lab.y.org'])).toBe('lab.y.org');
    expect(learnBaseDomain(['a.x.org', 'b.y.org'])).toBe('x.org');
    expect(learnBaseDomain(['homelab.example', 'localhost'])).toBeUndefined();
    expect(learnBaseDomain([])).toBeUndefined();
  });
});

describe('ingressClassVisibility', () => {
  it.each([
    ['haproxy', 'public'],
    ['haproxy-restricted', 'restricted'],
    ['nginx-internal', 'restricted'],
    ['traefik.lan', 'restricted'],
    ['public-lanterns', 'public'],
  ])('%s is %s', (name, visibility) => {
    expect(ingressClassVisibility(name)).toBe(visibility);
  });
  it('lets ui:options override the name', () => {
    expect(ingressClassVisibility('haproxy', { haproxy: 'restricted' })).toBe('restricted');
  });
});

describe('appDomainNames', () => {
  it('drops domains holding only platform components and keeps empty ones', () => {
    const systems = [
      system('media-apps', 'media'),
      system('web-apps', 'domain:default/web'),
      system('storage', 'platform'),
      system('security', 'platform'),
    ];
    expect(appDomainNames([domain('platform'), domain('web'), domain('media'), domain('ai')], systems, components)).toEqual([
      'ai',
      'media',
      'web',
    ]);
  });
});
