import { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { resourceOptions } from './resourceOptions';

const resource = (name: string, type: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', description: `${type} ${name}`, annotations },
  spec: { type, owner: 'group:default/admins' },
});

describe('resourceOptions', () => {
  it('offers the Kubernetes object name, not the entity name', () => {
    const entities = [
      resource('pg-media', 'postgres-cluster', {
        [HomelabAnnotations.k8sName]: 'pg-media',
        [HomelabAnnotations.k8sNamespace]: 'database',
      }),
      resource('database-pg-apps', 'postgres-cluster', {
        [HomelabAnnotations.k8sName]: 'pg-apps',
        [HomelabAnnotations.k8sNamespace]: 'database',
      }),
      resource('orphan', 'postgres-cluster', {}),
    ];
    expect(resourceOptions(entities)).toEqual([
      {
        value: 'pg-apps',
        namespace: 'database',
        entityRef: 'resource:default/database-pg-apps',
        description: 'postgres-cluster database-pg-apps',
      },
      { value: 'pg-media', namespace: 'database', entityRef: 'resource:default/pg-media', description: 'postgres-cluster pg-media' },
    ]);
  });

  it('marks ingress classes public or restricted', () => {
    const entities = [
      resource('haproxy-restricted', 'ingress-class', { [HomelabAnnotations.k8sName]: 'haproxy-restricted' }),
      resource('haproxy', 'ingress-class', { [HomelabAnnotations.k8sName]: 'haproxy' }),
    ];
    expect(resourceOptions(entities).map(o => [o.value, o.visibility])).toEqual([
      ['haproxy', 'public'],
      ['haproxy-restricted', 'restricted'],
    ]);
    expect(resourceOptions(entities, { haproxy: 'restricted' }).map(o => o.visibility)).toEqual(['restricted', 'restricted']);
  });
});
