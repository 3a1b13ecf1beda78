import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { homelabStatePlugin } from './plugin';

const snapshot = resolve(__dirname, '../../../examples/cluster-snapshot');

async function backendFor(recordings: string) {
  const { server } = await startTestBackend({
    features: [
      homelabStatePlugin,
      // No header means no credentials, as in production.
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: {
          homelab: {
            state: {
              source: 'recorded',
              recorded: { path: recordings, clusterName: 'homelab', recordedAt: '2026-11-25T12:00:00Z' },
            },
          },
        },
      }),
    ],
  });
  return server;
}

describe('homelab-state backend on the recorded example cluster', () => {
  it('refuses requests without credentials', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server).get('/api/homelab-state/overview');
    expect(res.status).toBe(401);
  });

  it('serves the platform overview', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server).get('/api/homelab-state/overview').set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.generatedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(o.clusters).toEqual(['homelab']);
    expect(o.errors).toEqual([]);
    expect(o.ceph.clusters[0]).toMatchObject({ cluster: 'homelab', health: 'HEALTH_WARN', severity: 'warning' });
    expect(o.ceph.clusters[0].checks.length).toBeGreaterThan(1);
    expect(o.cnpg.map((c: any) => c.name).sort()).toEqual(['pg-ai', 'pg-media', 'pg-other', 'pg-platform', 'pg-productivity']);
    expect(o.ray.services[0].applications.some((a: any) => a.severity === 'error')).toBe(true);
    expect(o.argo.needsAttention.length).toBeGreaterThan(0);
    expect(o.argo.total).toBeGreaterThan(40);
  });

  it('serves one object, as of the recording time', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server)
      .get('/api/homelab-state/objects/cnpg-cluster/database/pg-media')
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cluster: 'homelab',
      observedAt: '2026-11-25T12:00:00.000Z',
      errors: [],
      summary: { name: 'pg-media', switchoverInProgress: true },
    });
  });

  it('finds an Argo application in any namespace', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server)
      .get('/api/homelab-state/objects/argo-application/-/jellyfin')
      .set('authorization', mockCredentials.user.header());
    expect(res.body.summary).toMatchObject({ name: 'jellyfin', syncStatus: 'Synced' });
  });

  it('says an object is absent, without an error', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server)
      .get('/api/homelab-state/objects/cnpg-cluster/database/pg-nope')
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.summary).toBeUndefined();
    expect(res.body.errors).toEqual([]);
  });

  it.each([
    ['/objects/deployment/media/jellyfin', /Unknown kind "deployment"/],
    ['/objects/cnpg-cluster/Bad_NS/pg-media', /DNS-1123/],
  ])('refuses %s', async (path, message) => {
    const server = await backendFor(snapshot);
    const res = await request(server).get(`/api/homelab-state${path}`).set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('reports kinds that are not installed instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recordings-'));
    try {
      cpSync(snapshot, dir, { recursive: true });
      rmSync(join(dir, 'rayservices.ray.io.yaml'));
      const server = await backendFor(dir);
      const res = await request(server).get('/api/homelab-state/overview').set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ type: 'not-installed', cluster: 'homelab', kind: 'ray-service', message: expect.stringContaining('RayService is not installed in cluster homelab') }),
      ]);
      expect(res.body.ray.services).toEqual([]);
      expect(res.body.cnpg).toHaveLength(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
