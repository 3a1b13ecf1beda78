import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { STATE_KINDS } from '@internal/plugin-homelab-state-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CachedStateReader } from '../reader/CachedStateReader';
import { KubernetesProxySource } from './KubernetesProxySource';

const BASE = 'http://portal.test:7007/api/kubernetes';
const PATH = '/proxy/apis/postgresql.cnpg.io/v1/clusters';

// Shaped like `kubectl get clusters.postgresql.cnpg.io -A -o json`.
const cnpgList = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'ClusterList',
  metadata: { resourceVersion: '48213377' },
  items: [
    {
      metadata: { name: 'pg-media', namespace: 'database', uid: '7f1c2f9e-1d54-4a8e-9a43-3c0b7f0f5d11' },
      spec: { instances: 3 },
      status: { instances: 3, readyInstances: 3, phase: 'Cluster in healthy state' },
    },
  ],
};

// The two services the source uses; the token is what the Kubernetes plugin checks.
const discovery: DiscoveryService = {
  getBaseUrl: async pluginId => `http://portal.test:7007/api/${pluginId}`,
  getExternalBaseUrl: async pluginId => `http://portal.test:7007/api/${pluginId}`,
};
const auth = {
  getOwnServiceCredentials: async () => ({ $$type: '@backstage/BackstageCredentials', principal: { type: 'service', subject: 'plugin:homelab-state' } }),
  getPluginRequestToken: async ({ targetPluginId }: { targetPluginId: string }) => ({ token: `service-token-for-${targetPluginId}` }),
} as unknown as AuthService;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('KubernetesProxySource', () => {
  it("lists through the Kubernetes plugin's proxy, per cluster it locates, with a service token", async () => {
    const seen: Array<{ cluster: string | null; auth: string | null }> = [];
    server.use(
      http.get(`${BASE}/clusters`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer service-token-for-kubernetes');
        return HttpResponse.json({ items: [{ name: 'homelab', authProvider: 'serviceAccount' }, { name: 'edge', authProvider: 'aws' }] });
      }),
      http.get(`${BASE}${PATH}`, ({ request }) => {
        const cluster = request.headers.get('backstage-kubernetes-cluster');
        seen.push({ cluster, auth: request.headers.get('authorization') });
        if (cluster === 'edge') return HttpResponse.json({ kind: 'Status', message: 'clusters.postgresql.cnpg.io is forbidden' }, { status: 403 });
        return HttpResponse.json(cnpgList);
      }),
    );
    const reader = new CachedStateReader(new KubernetesProxySource({ discovery, auth }), { ttlMs: 30_000, timeoutMs: 2_000 });
    const [homelab, edge] = await reader.list(STATE_KINDS.cnpgCluster);
    expect(homelab).toMatchObject({ cluster: 'homelab', items: [{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'pg-media' } }] });
    expect(homelab.error).toBeUndefined();
    expect(edge).toMatchObject({ cluster: 'edge', items: [], error: { type: 'forbidden', kind: 'cnpg-cluster', rbacRule: expect.stringContaining('clusters') } });
    expect(seen).toEqual([
      { cluster: 'homelab', auth: 'Bearer service-token-for-kubernetes' },
      { cluster: 'edge', auth: 'Bearer service-token-for-kubernetes' },
    ]);
  });

  it('says a cluster the proxy cannot reach is unreachable, and a missing CRD is not installed', async () => {
    server.use(
      http.get(`${BASE}/clusters`, () => HttpResponse.json({ items: [{ name: 'offsite' }, { name: 'homelab' }] })),
      http.get(`${BASE}${PATH}`, ({ request }) =>
        request.headers.get('backstage-kubernetes-cluster') === 'offsite'
          ? new HttpResponse('connect ECONNREFUSED', { status: 502 })
          : HttpResponse.json({ kind: 'Status', reason: 'NotFound' }, { status: 404 }),
      ),
    );
    const source = new KubernetesProxySource({ discovery, auth });
    await expect(source.list('offsite', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({ error: { type: 'unreachable', cluster: 'offsite' } });
    await expect(source.list('homelab', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({ error: { type: 'not-installed' } });
  });

  it('asks for the cluster list again after a failed ask', async () => {
    let asks = 0;
    server.use(
      http.get(`${BASE}/clusters`, () => {
        asks++;
        return asks === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ items: [{ name: 'homelab' }] });
      }),
    );
    const source = new KubernetesProxySource({ discovery, auth });
    await expect(source.clusters()).rejects.toThrow('HTTP 503');
    expect(await source.clusters()).toEqual(['homelab']);
    expect(await source.clusters()).toEqual(['homelab']);
    expect(asks).toBe(2);
  });
});
