import { DEFAULT_LAYOUT } from '../layout';
import { argoApp, kustomization, parseRepo } from '../testing/parseRepo';
import { assignManifests } from './assignManifests';
import { attachIngresses, ingressHosts } from './attachIngresses';
import { findUnits } from './findUnits';

describe('attachIngresses', () => {
  const repo = parseRepo({
    'cluster/apps/media/jellyfin/kustomization.yaml': kustomization,
    'cluster/apps/media/jellyfin/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: jellyfin, namespace: media}\n',
    'cluster/apps/shared/ingress/kustomization.yaml': kustomization,
    'cluster/apps/shared/ingress/jellyfin.yaml':
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: jellyfin, namespace: media}\nspec:\n  rules:\n  - host: tv.example\n    http: {paths: [{backend: {service: {name: jellyfin}}}]}\n  - host: jellyfin.example\n    http: {paths: [{backend: {service: {name: jellyfin}}}]}\n',
    // Same Service name, other namespace: not jellyfin's.
    'cluster/apps/shared/ingress/other.yaml':
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: other, namespace: web}\nspec:\n  rules:\n  - host: other.example\n    http: {paths: [{backend: {service: {name: jellyfin}}}]}\n',
    'argocd/ingress-app.yaml': argoApp('apps-ingress', '  source: {path: cluster/apps/shared/ingress}\n'),
  });
  const units = attachIngresses(
    assignManifests(findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts), repo.manifests, DEFAULT_LAYOUT),
    repo.manifests,
  );

  it('gives an ingress written elsewhere to the unit owning its Service, in the same namespace', () => {
    const jellyfin = units.find(u => u.unit.name === 'jellyfin')!.unit;
    expect(jellyfin.ingresses.map(i => i.object.metadata.name)).toEqual(['jellyfin']);
    expect(jellyfin.hosts).toEqual(['tv.example', 'jellyfin.example']);
    expect(units.find(u => u.unit.name === 'apps-ingress')!.unit.ingresses).toEqual([]);
  });

  it('reads Traefik IngressRoute hosts', () => {
    expect(
      ingressHosts({
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: 'x' },
        spec: { routes: [{ match: 'Host(`a.example`) || Host(`b.example`)' }] },
      }),
    ).toEqual(['a.example', 'b.example']);
  });
});
