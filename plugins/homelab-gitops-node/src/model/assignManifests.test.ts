import { HomelabRepoAnnotations } from '@internal/plugin-homelab-common';
import { DEFAULT_LAYOUT } from '../layout';
import { argoApp, parseRepo } from '../testing/parseRepo';
import { assignManifests, ownerOf } from './assignManifests';
import { findUnits } from './findUnits';

const deployment = (name: string, ns: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: i:1}]}\n`;

describe('assignManifests', () => {
  const repo = parseRepo({
    'cluster/apps/media/jellyfin/kustomization.yaml':
      'kind: Kustomization\nmetadata:\n  annotations: {homelab.dev/owner: "user:alex"}\nresources: [deployment.yaml]\n',
    'cluster/apps/media/jellyfin/deployment.yaml': deployment('jellyfin', 'media'),
    'cluster/apps/media/immich/kustomization.yaml': 'kind: Kustomization\nresources: [deployments.yaml]\n',
    'cluster/apps/media/immich/deployments.yaml': [
      ['immich-server', 'server'],
      ['immich-machine-learning', 'machine-learning'],
    ]
      .map(([name, component]) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: media}\nspec:\n  selector:\n    matchLabels: {app.kubernetes.io/name: immich, app.kubernetes.io/component: ${component}}\n  template:\n    metadata: {labels: {app.kubernetes.io/name: immich, app.kubernetes.io/component: ${component}}}\n    spec: {containers: [{name: c, image: i:1}]}\n`,
      )
      .join('---\n'),
    'cluster/apps/media/pair/kustomization.yaml': 'kind: Kustomization\nresources: [deployments.yaml]\n',
    'cluster/apps/media/pair/deployments.yaml': `${deployment('pair-a', 'media')}---\n${deployment('pair', 'media')}`,
    'cluster/apps/ai/qdrant/kustomization.yaml': 'kind: Kustomization\nresources: []\n',
    'cluster/apps/web/blog/kustomization.yaml':
      'kind: Kustomization\nmetadata:\n  annotations: {homelab.dev/component-type: service}\nresources: []\n',
    'argocd/qdrant-app.yaml': argoApp(
      'qdrant',
      '  sources:\n  - {chart: qdrant, repoURL: r, helm: {releaseName: vectors}}\n  - {path: cluster/apps/ai/qdrant, repoURL: g}\n',
    ),
  });
  const assigned = assignManifests(
    findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts),
    repo.manifests,
    DEFAULT_LAYOUT,
  );
  const unit = (name: string) => assigned.find(a => a.unit.name === name)!.unit;

  it('gives a unit its manifests, owner, namespace and workload selector', () => {
    expect(unit('jellyfin')).toMatchObject({ owner: 'user:alex', namespace: 'media', labelSelector: 'app=jellyfin', website: false });
    expect(unit('jellyfin').manifests.map(m => m.object.kind)).toEqual(['Deployment', 'Kustomization']);
  });

  it('selects every workload of an app by the labels they share, else by its main workload', () => {
    expect(unit('immich').labelSelector).toBe('app.kubernetes.io/name=immich');
    expect(unit('pair').labelSelector).toBe('app=pair');
  });

  it('selects a Helm-rendered app by its release instance label and namespace from the Application', () => {
    expect(unit('qdrant')).toMatchObject({ labelSelector: 'app.kubernetes.io/instance=vectors', namespace: 'ns' });
  });

  it('lets the kustomization override the website type of its domain', () => {
    expect(unit('blog').website).toBe(false);
  });

  it.each([
    [{ annotations: { [HomelabRepoAnnotations.owner]: 'group:friends' } }, 'group:friends'],
    [{ labels: { [HomelabRepoAnnotations.owner]: 'group.friends' } }, 'group:friends'],
    [{ labels: { [HomelabRepoAnnotations.owner]: 'alex' } }, 'user:alex'],
    [{}, undefined],
  ])('reads the owner from metadata %j', (metadata, owner) => {
    expect(ownerOf([{ file: 'f', line: 1, object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', ...metadata } } }])).toBe(owner);
  });
});
