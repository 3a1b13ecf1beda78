import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import type { Entity } from '@backstage/catalog-model';
import { repoFileUrl } from './repoLinks';

const entity = (sourceLocation: string, gitopsPath: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations: { 'backstage.io/source-location': sourceLocation, [HomelabAnnotations.gitopsPath]: gitopsPath } },
});

describe('repoFileUrl', () => {
  it.each([
    ['url:https://github.com/o/r/tree/main/cluster/apps/media/x/', 'cluster/apps/media/x', 'https://github.com/o/r/tree/main/a/b.yaml'],
    ['url:https://github.com/o/r/tree/main/cluster/data/', 'cluster/data/cluster.yaml', 'https://github.com/o/r/tree/main/a/b.yaml'],
    ['url:https://github.com/o/r/tree/main/', '', 'https://github.com/o/r/tree/main/a/b.yaml'],
    ['file:/srv/gitops/cluster/apps/media/x/', 'cluster/apps/media/x', undefined],
    ['url:https://github.com/o/r/tree/main/elsewhere/', 'cluster/apps/media/x', undefined],
  ])('%s + %s', (source, path, expected) => {
    expect(repoFileUrl(entity(source, path), 'a/b.yaml')).toBe(expected);
  });
});
