import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { resolve } from 'node:path';
import request from 'supertest';
import { kubernetesModuleHomelabRecorded } from './module';

const snapshot = resolve(__dirname, '../../../examples/cluster-snapshot');
const immich = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'immich',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=immich', 'backstage.io/kubernetes-namespace': 'media' },
  },
  spec: { type: 'service', owner: 'group:admins', lifecycle: 'production' },
};

describe('kubernetesModuleHomelabRecorded', () => {
  it('answers the stock services route from the recording', async () => {
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleHomelabRecorded,
        catalogServiceMock.factory({ entities: [immich] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: { serviceLocatorMethod: { type: 'multiTenant' }, clusterLocatorMethods: [{ type: 'config', clusters: [] }] },
            homelab: { state: { source: 'recorded', recorded: { path: snapshot, clusterName: 'homelab' } } },
          },
        }),
      ],
    });
    const clusters = await request(server).get('/api/kubernetes/clusters');
    expect(clusters.body.items.map((c: { name: string }) => c.name)).toEqual(['homelab']);
    const res = await request(server).post('/api/kubernetes/services/immich').send({ entity: immich });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const byType = Object.fromEntries(
      res.body.items[0].resources.map((r: { type: string; resources: Array<{ metadata: { name: string } }> }) => [r.type, r.resources.map(o => o.metadata.name).sort()]),
    );
    expect(byType.deployments).toEqual(['immich-machine-learning', 'immich-server']);
    expect(byType.pods).toEqual(['immich-machine-learning-wtb6cxs9t4-vl7jl', 'immich-server-gpp59kfxvz-8rvdn', 'immich-server-gpp59kfxvz-cw6ng']);
    expect(res.body.items[0].errors).toEqual([]);
  });

  it('changes nothing when the source is a live cluster', async () => {
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        kubernetesModuleHomelabRecorded,
        catalogServiceMock.factory({ entities: [immich] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: { serviceLocatorMethod: { type: 'multiTenant' }, clusterLocatorMethods: [{ type: 'config', clusters: [] }] },
            homelab: { state: { source: 'kubernetes' } },
          },
        }),
      ],
    });
    const clusters = await request(server).get('/api/kubernetes/clusters');
    expect(clusters.body.items).toEqual([]);
  });
});
