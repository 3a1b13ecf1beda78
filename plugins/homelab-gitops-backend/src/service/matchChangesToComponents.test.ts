import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { matchChangesToComponents } from './matchChangesToComponents';

const component = (name: string, path: string, source = 'homelab-gitops'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [HomelabAnnotations.gitopsPath]: path, [HomelabAnnotations.gitopsSource]: source },
  },
  spec: {},
});

const components = [
  component('media', 'cluster/apps/media'),
  component('immich', 'cluster/apps/media/immich'),
  component('immich-ml', 'cluster/apps/media/immich-ml'),
  component('other-repo-app', 'cluster/apps/media/immich', 'other'),
];

const commit = (sha: string, date: string, paths: string[]) => ({ sha, subject: `subject ${sha}`, author: 'alice', date, paths });

describe('matchChangesToComponents', () => {
  it('gives each path to the longest gitops-path prefix, each component once, newest first', () => {
    const history = [
      {
        source: 'homelab-gitops',
        commits: [
          commit('c3', '2026-11-03T00:00:00.000Z', ['cluster/apps/media/immich/values.yaml', 'cluster/apps/media/immich-ml/kustomization.yaml']),
          commit('c2', '2026-11-02T00:00:00.000Z', ['cluster/apps/media/immich/kustomization.yaml', 'cluster/apps/media/kustomization.yaml']),
          commit('c1', '2026-11-01T00:00:00.000Z', ['README.md', 'cluster/apps/media-extra/x.yaml']),
        ],
      },
    ];
    expect(matchChangesToComponents(history, components, 10)).toEqual([
      { entityRef: 'component:default/immich', name: 'immich', source: 'homelab-gitops', sha: 'c3', subject: 'subject c3', author: 'alice', date: '2026-11-03T00:00:00.000Z' },
      { entityRef: 'component:default/immich-ml', name: 'immich-ml', source: 'homelab-gitops', sha: 'c3', subject: 'subject c3', author: 'alice', date: '2026-11-03T00:00:00.000Z' },
      { entityRef: 'component:default/media', name: 'media', source: 'homelab-gitops', sha: 'c2', subject: 'subject c2', author: 'alice', date: '2026-11-02T00:00:00.000Z' },
    ]);
    expect(matchChangesToComponents(history, components, 1).map(c => c.name)).toEqual(['immich']);
  });

  it('matches a source only against its own components', () => {
    const history = [{ source: 'other', commits: [commit('o1', '2026-11-05T00:00:00.000Z', ['cluster/apps/media/immich/a.yaml', 'cluster/apps/media/b.yaml'])] }];
    expect(matchChangesToComponents(history, components, 10).map(c => c.entityRef)).toEqual(['component:default/other-repo-app']);
  });

  it('finds nothing for paths no component covers', () => {
    const history = [{ source: 'homelab-gitops', commits: [commit('c0', '2026-11-01T00:00:00.000Z', ['docs/index.md', 'cluster/apps/mediafoo/x.yaml'])] }];
    expect(matchChangesToComponents(history, components, 10)).toEqual([]);
  });
});
