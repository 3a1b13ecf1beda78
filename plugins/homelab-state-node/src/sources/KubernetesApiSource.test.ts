import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { STATE_KINDS } from '@internal/plugin-homelab-state-common';
import { CachedStateReader } from '../reader/CachedStateReader';
import { KubernetesApiSource } from './KubernetesApiSource';

// Shaped like `kubectl get clusters.postgresql.cnpg.io -A -o json`, status included.
const cnpgList = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'ClusterList',
  metadata: { continue: '', resourceVersion: '48213377' },
  items: [
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: {
        name: 'pg-media',
        namespace: 'database',
        uid: '7f1c2f9e-1d54-4a8e-9a43-3c0b7f0f5d11',
        generation: 3,
        creationTimestamp: '2026-02-11T19:02:44Z',
        resourceVersion: '48212001',
      },
      spec: { instances: 3, storage: { size: '50Gi', storageClass: 'ceph-block' } },
      status: {
        instances: 3,
        readyInstances: 3,
        currentPrimary: 'pg-media-1',
        targetPrimary: 'pg-media-1',
        phase: 'Cluster in healthy state',
        timelineID: 4,
        instancesStatus: { healthy: ['pg-media-1', 'pg-media-2', 'pg-media-3'] },
        conditions: [
          { type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready', lastTransitionTime: '2026-11-24T08:00:03Z' },
        ],
      },
    },
  ],
};

const path = '/apis/postgresql.cnpg.io/v1/clusters';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const source = () =>
  new KubernetesApiSource([
    { name: 'homelab', url: 'https://homelab.k8s.test:6443', authProvider: 'serviceAccount', serviceAccountToken: 'test-token' },
    { name: 'edge', url: 'https://edge.k8s.test:6443', authProvider: 'serviceAccount', serviceAccountToken: 'edge-token' },
  ]);

/** Keeps what is logged, with the fields of the child logger it went through. */
function recordingLogger(fields: Record<string, unknown> = {}, lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = []) {
  const log = (level: string) => (message: string) => {
    lines.push({ level, message, fields });
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: more => recordingLogger({ ...fields, ...more }, lines).logger,
  };
  return { logger, lines };
}

describe('KubernetesApiSource', () => {
  it('lists a kind cluster-wide with the service account token', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`https://homelab.k8s.test:6443${path}`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(cnpgList);
      }),
    );
    const items = await source().list('homelab', STATE_KINDS.cnpgCluster);
    expect(auth).toBe('Bearer test-token');
    expect(items.map(i => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['database/pg-media']);
    expect(items[0].status.currentPrimary).toBe('pg-media-1');
  });

  it.each([
    [
      403,
      { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'clusters.postgresql.cnpg.io is forbidden: User "system:serviceaccount:backstage:portal" cannot list resource "clusters" in API group "postgresql.cnpg.io" at the cluster scope' },
      { type: 'forbidden', rbacRule: expect.stringContaining('resources: ["clusters"]'), message: expect.stringContaining('may not list clusters.postgresql.cnpg.io in cluster homelab') },
    ],
    [
      404,
      { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' },
      { type: 'not-installed', message: 'Cluster (clusters.postgresql.cnpg.io) is not installed in cluster homelab' },
    ],
    [
      401,
      { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401, message: 'Unauthorized' },
      { type: 'unauthorized' },
    ],
  ])('turns HTTP %s into a typed error', async (status, body, expected) => {
    server.use(http.get(`https://homelab.k8s.test:6443${path}`, () => HttpResponse.json(body, { status })));
    await expect(source().list('homelab', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({
      error: { cluster: 'homelab', kind: 'cnpg-cluster', ...expected },
    });
  });

  it('says a cluster is unreachable on a network error', async () => {
    server.use(http.get(`https://homelab.k8s.test:6443${path}`, () => HttpResponse.error()));
    await expect(source().list('homelab', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({
      error: { type: 'unreachable', cluster: 'homelab' },
    });
  });
});

describe('KubernetesApiSource: which cluster it reads', () => {
  // A pod's service account mount, as the kubelet projects it.
  let serviceAccountDir: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'homelab-state-sa-'));
    serviceAccountDir = join(root, 'serviceaccount');
    mkdirSync(serviceAccountDir);
    writeFileSync(join(serviceAccountDir, 'token'), 'pod-projected-token');
    writeFileSync(join(serviceAccountDir, 'ca.crt'), '');
  });
  afterAll(() => rmSync(join(serviceAccountDir, '..'), { recursive: true, force: true }));
  const pod = () => ({ host: '10.43.0.1', port: '443', serviceAccountDir, hasToken: true });

  it("reads the pod's own cluster with the pod's token only where the cluster says so, and refuses a remote oidc cluster", async () => {
    const inClusterAuth: Array<string | null> = [];
    let cloudCalls = 0;
    server.use(
      http.get(`https://10.43.0.1${path}`, ({ request }) => {
        inClusterAuth.push(request.headers.get('authorization'));
        return HttpResponse.json(cnpgList);
      }),
      http.get(`https://cloud.k8s.test:6443${path}`, () => {
        cloudCalls++;
        return HttpResponse.json({ ...cnpgList, items: [] });
      }),
    );
    const { logger, lines } = recordingLogger();
    const podSource = new KubernetesApiSource(
      [
        { name: 'homelab', url: 'https://kubernetes.default.svc', authProvider: 'serviceAccount' },
        { name: 'cloud', url: 'https://cloud.k8s.test:6443', authProvider: 'oidc' },
      ],
      { logger, inCluster: pod() },
    );
    expect(podSource.clusters()).toEqual(['homelab', 'cloud']);

    const homelab = await podSource.list('homelab', STATE_KINDS.cnpgCluster);
    expect(homelab.map(i => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['database/pg-media']);
    const cloudMessage =
      "Cluster cloud uses authProvider oidc, which source: kubernetes cannot use; it needs the signed-in user's token, which no backend reader has (kubernetes-proxy cannot either); give the portal a service account there (authProvider: serviceAccount with serviceAccountToken)";
    await expect(podSource.list('cloud', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({
      name: 'StateReadError',
      error: { type: 'unsupported-auth', cluster: 'cloud', kind: 'cnpg-cluster', message: cloudMessage },
    });
    // The oidc cluster was neither read at its url nor through the pod's account.
    expect(inClusterAuth).toEqual(['Bearer pod-projected-token']);
    expect(cloudCalls).toBe(0);
    expect(lines).toEqual([{ level: 'warn', message: cloudMessage, fields: { cluster: 'cloud', authProvider: 'oidc' } }]);
  });

  it('refuses a tokenless serviceAccount cluster whose url is not the pod\'s cluster', async () => {
    let inClusterCalls = 0;
    server.use(
      http.get(`https://10.43.0.1${path}`, () => {
        inClusterCalls++;
        return HttpResponse.json(cnpgList);
      }),
    );
    const podSource = new KubernetesApiSource([{ name: 'edge', url: 'https://edge.k8s.test:6443', authProvider: 'serviceAccount' }], { inCluster: pod() });
    await expect(podSource.list('edge', STATE_KINDS.cnpgCluster)).rejects.toMatchObject({
      error: { type: 'unsupported-auth', cluster: 'edge', message: expect.stringContaining('its url https://edge.k8s.test:6443 is not the cluster the portal runs in') },
    });
    expect(inClusterCalls).toBe(0);
  });

  it('reads a localKubectlProxy cluster at its url without credentials', async () => {
    const auth: Array<string | null> = [];
    server.use(
      http.get(`http://127.0.0.1:8001${path}`, ({ request }) => {
        auth.push(request.headers.get('authorization'));
        return HttpResponse.json(cnpgList);
      }),
    );
    const podSource = new KubernetesApiSource([{ name: 'laptop', url: 'http://127.0.0.1:8001', authProvider: 'localKubectlProxy' }], { inCluster: pod() });
    expect(await podSource.list('laptop', STATE_KINDS.cnpgCluster)).toHaveLength(1);
    expect(auth).toEqual([null]);
  });
});

describe('CachedStateReader over the API', () => {
  it('keeps one cluster failing apart from the other', async () => {
    server.use(
      http.get(`https://homelab.k8s.test:6443${path}`, () => HttpResponse.json(cnpgList)),
      http.get(`https://edge.k8s.test:6443${path}`, () => HttpResponse.error()),
    );
    const reader = new CachedStateReader(source(), { ttlMs: 30_000, timeoutMs: 2_000 });
    const [homelab, edge] = await reader.list(STATE_KINDS.cnpgCluster);
    expect(homelab.cluster).toBe('homelab');
    expect(homelab.error).toBeUndefined();
    expect(homelab.items).toHaveLength(1);
    expect(edge).toMatchObject({ cluster: 'edge', items: [], error: { type: 'unreachable' } });
  });

  it('times out a slow cluster and keeps showing its last known state, with its age', async () => {
    let slow = false;
    let clock = Date.parse('2026-11-25T12:00:00Z');
    server.use(
      http.get(`https://homelab.k8s.test:6443${path}`, async () => {
        if (slow) await delay(5_000);
        return HttpResponse.json(cnpgList);
      }),
      http.get(`https://edge.k8s.test:6443${path}`, () => HttpResponse.json({ ...cnpgList, items: [] })),
    );
    const reader = new CachedStateReader(source(), { ttlMs: 30_000, timeoutMs: 200, now: () => clock });
    const first = await reader.listIn('homelab', STATE_KINDS.cnpgCluster);
    expect(first.fetchedAt).toBe('2026-11-25T12:00:00.000Z');

    slow = true;
    clock += 60_000;
    const second = await reader.listIn('homelab', STATE_KINDS.cnpgCluster);
    expect(second.error).toMatchObject({ type: 'timeout', message: expect.stringContaining('within 200 ms') });
    expect(second.items).toHaveLength(1);
    expect(second.fetchedAt).toBe('2026-11-25T12:00:00.000Z');
  });

  it('makes one list call per cluster per TTL window however many ask at once', async () => {
    let calls = 0;
    server.use(
      http.get(`https://homelab.k8s.test:6443${path}`, async () => {
        calls++;
        await delay(50);
        return HttpResponse.json(cnpgList);
      }),
      http.get(`https://edge.k8s.test:6443${path}`, () => HttpResponse.json({ ...cnpgList, items: [] })),
    );
    let clock = 0;
    const reader = new CachedStateReader(source(), { ttlMs: 30_000, timeoutMs: 2_000, now: () => clock });
    await Promise.all(Array.from({ length: 50 }, () => reader.list(STATE_KINDS.cnpgCluster)));
    expect(calls).toBe(1);
    expect(reader.sourceCalls).toBe(2);
    clock += 10_000;
    await reader.list(STATE_KINDS.cnpgCluster);
    expect(calls).toBe(1);
    clock += 30_000;
    await reader.list(STATE_KINDS.cnpgCluster);
    expect(calls).toBe(2);
  });

  it('aborts the HTTP list call itself when the signal fires', async () => {
    // The stand-in answers only after 3 s: a rejection well before that means
    // the request itself was abandoned, not merely no longer awaited.
    server.use(
      http.get(`https://homelab.k8s.test:6443${path}`, async () => {
        await delay(3_000);
        return HttpResponse.json(cnpgList);
      }),
    );
    const controller = new AbortController();
    const started = Date.now();
    const listing = source().list('homelab', STATE_KINDS.cnpgCluster, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(listing).rejects.toMatchObject({ name: 'StateReadError', error: { type: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
