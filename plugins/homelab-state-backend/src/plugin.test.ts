import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { CachedStateReader, RayDashboardClient, readStateConfig, RecordedObjectsSource } from '@internal/plugin-homelab-state-node';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { homelabStatePlugin } from './plugin';
import { createRouter } from './router/createRouter';
import { PlatformStateService } from './service/PlatformStateService';

const snapshot = resolve(__dirname, '../../../examples/cluster-snapshot');

async function backendFor(
  recordings: string,
  prometheusUrl?: string,
  extra: Record<string, unknown> = {},
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      homelabStatePlugin,
      mockServices.permissions.factory({ result: permission }),
      // No header means no credentials, as in production.
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({
        data: {
          homelab: {
            state: {
              source: 'recorded',
              recorded: { path: recordings, clusterName: 'homelab', recordedAt: '2026-11-25T12:00:00Z' },
              ...(prometheusUrl ? { prometheus: { url: prometheusUrl } } : {}),
              ...extra,
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

  it('answers 403 on every route when the policy denies homelab.state.read', async () => {
    const server = await backendFor(snapshot, undefined, {}, AuthorizeResult.DENY);
    for (const path of ['/overview', '/objects/cnpg-cluster/database/pg-media']) {
      const res = await request(server).get(`/api/homelab-state${path}`).set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ name: 'NotAllowedError', message: expect.stringContaining('homelab.state.read') });
    }
  });

  it('serves the overview with an ETag, answers an unchanged poll with 304 and carries staleBackupHours', async () => {
    const server = await backendFor(snapshot, undefined, { staleBackupHours: 30 });
    const auth = mockCredentials.user.header();
    const first = await request(server).get('/api/homelab-state/overview').set('authorization', auth);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body.staleBackupHours).toBe(30);
    const again = await request(server).get('/api/homelab-state/overview').set('authorization', auth).set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    // Weak comparison, in a list, as a proxy may send it.
    const listed = await request(server)
      .get('/api/homelab-state/overview')
      .set('authorization', auth)
      .set('if-none-match', `"stale", ${first.headers.etag.replace(/^W\//, '')}`);
    expect(listed.status).toBe(304);
    const other = await request(server).get('/api/homelab-state/overview').set('authorization', auth).set('if-none-match', '"stale"');
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(first.headers.etag);
  });

  it('sends the overview gzipped once to clients that accept gzip, and plain to those that do not', async () => {
    const server = await backendFor(snapshot);
    const auth = mockCredentials.user.header();
    const plain = await request(server).get('/api/homelab-state/overview').set('authorization', auth).set('accept-encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    // Read from a plain socket: supertest would unzip it for us.
    const { port } = server.address() as AddressInfo;
    const zipped = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
      httpGet(
        `http://127.0.0.1:${port}/api/homelab-state/overview`,
        { headers: { authorization: auth, 'accept-encoding': 'gzip, deflate' } },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      ).on('error', fail);
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    // Sent whole from memory: the compression middleware would stream it chunked, without a length.
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(JSON.parse(gunzipSync(zipped.body).toString('utf8'))).toEqual(plain.body);
  });

  it('serves one object, as of the recording time', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server)
      .get('/api/homelab-state/objects/cnpg-cluster/database/pg-media')
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'cnpg-cluster',
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
    expect(res.body.error).toMatchObject({ name: 'InputError', message: expect.stringMatching(message) });
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

/**
 * A stand-in Prometheus on a local port (this package has no msw): answers
 * instant queries from a table by PromQL, and an empty vector otherwise.
 */
async function fakePrometheus(answers: Record<string, Array<[Record<string, string>, string]>>) {
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://prometheus').searchParams.get('query') ?? '';
    const result = (answers[query] ?? []).map(([metric, v]) => ({ metric, value: [1764072000.123, v] }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } }));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise(r => server.close(r)) };
}

describe('homelab-state backend with Prometheus', () => {
  const answers = {
    'sum(ceph_osd_up)': [[{}, '5']],
    'sum(ceph_osd_in)': [[{}, '6']],
    'count(ceph_osd_up)': [[{}, '6']],
    'sum(ceph_pg_degraded)': [[{}, '16']],
    'max by (namespace, pod) (cnpg_pg_replication_lag)': [
      [{ namespace: 'database', pod: 'pg-media-1' }, '0'],
      [{ namespace: 'database', pod: 'pg-media-2' }, '3.5'],
      [{ namespace: 'database', pod: 'pg-ai-1' }, '0'],
    ],
    // CNPG's pg_stat_archiver metrics, exported by each primary. pg-ai's
    // last failure is just before its ContinuousArchiving condition turned
    // True (2026-11-04T10:39:50Z in the recording); pg-other exports none.
    'max by (namespace, pod) (cnpg_pg_stat_archiver_last_archived_time)': [
      [{ namespace: 'database', pod: 'pg-media-1' }, '1795607880'],
      [{ namespace: 'database', pod: 'pg-ai-1' }, '1795607970'],
    ],
    'max by (namespace, pod) (cnpg_pg_stat_archiver_last_failed_time)': [
      [{ namespace: 'database', pod: 'pg-media-1' }, '-1'],
      [{ namespace: 'database', pod: 'pg-ai-1' }, '1793788200'],
    ],
    'max by (namespace, pod) (cnpg_pg_stat_archiver_archived_count)': [
      [{ namespace: 'database', pod: 'pg-media-1' }, '48213'],
      [{ namespace: 'database', pod: 'pg-ai-1' }, '9120'],
    ],
    'max by (namespace, pod) (cnpg_pg_stat_archiver_failed_count)': [
      [{ namespace: 'database', pod: 'pg-media-1' }, '0'],
      [{ namespace: 'database', pod: 'pg-ai-1' }, '14'],
    ],
  } as Record<string, Array<[Record<string, string>, string]>>;
  const walArchiver = {
    'database/pg-media-1': { lastArchivedAt: '2026-11-25T11:58:00.000Z', archivedCount: 48213, failedCount: 0 },
    'database/pg-ai-1': { lastArchivedAt: '2026-11-25T11:59:30.000Z', lastFailedAt: '2026-11-04T10:30:00.000Z', archivedCount: 9120, failedCount: 14 },
  };

  it('adds Prometheus figures to the overview', async () => {
    const prom = await fakePrometheus(answers);
    try {
      const server = await backendFor(snapshot, prom.url);
      const res = await request(server).get('/api/homelab-state/overview').set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.prometheus).toEqual({
        ceph: { osdsUp: 5, osdsIn: 6, osdsTotal: 6, pgStates: { degraded: 16 } },
        cnpg: { replicationLagSeconds: { 'pg-media-1': 0, 'pg-media-2': 3.5, 'pg-ai-1': 0 }, walArchiver },
      });
    } finally {
      await prom.close();
    }
  });

  it("adds a cnpg-cluster's replication lag and WAL archiver times and a ceph-cluster's figures to the object", async () => {
    const prom = await fakePrometheus(answers);
    try {
      const server = await backendFor(snapshot, prom.url);
      const pg = await request(server)
        .get('/api/homelab-state/objects/cnpg-cluster/database/pg-media')
        .set('authorization', mockCredentials.user.header());
      expect(pg.body.enrichment).toEqual({
        replicationLagSeconds: { 'pg-media-1': 0, 'pg-media-2': 3.5 },
        walArchiver: { pod: 'pg-media-1', ...walArchiver['database/pg-media-1'] },
      });
      const ai = await request(server)
        .get('/api/homelab-state/objects/cnpg-cluster/database/pg-ai')
        .set('authorization', mockCredentials.user.header());
      expect(ai.body.summary.walArchiving).toMatchObject({ state: 'working', since: '2026-11-04T10:39:50Z' });
      expect(ai.body.enrichment).toEqual({
        replicationLagSeconds: { 'pg-ai-1': 0 },
        walArchiver: { pod: 'pg-ai-1', ...walArchiver['database/pg-ai-1'] },
      });
      // A cluster whose primary exports no archiver metrics gets none, not another's.
      const silent = await request(server)
        .get('/api/homelab-state/objects/cnpg-cluster/database/pg-other')
        .set('authorization', mockCredentials.user.header());
      expect(silent.body.summary).toMatchObject({ name: 'pg-other' });
      expect(silent.body).not.toHaveProperty('enrichment.walArchiver');
      const ceph = await request(server)
        .get('/api/homelab-state/objects/ceph-cluster/-/rook-ceph')
        .set('authorization', mockCredentials.user.header());
      expect(ceph.body.summary).toBeDefined();
      expect(ceph.body.enrichment.ceph).toMatchObject({ osdsUp: 5, osdsTotal: 6 });
    } finally {
      await prom.close();
    }
  });

  it('still serves the overview when Prometheus is down, with one sentence saying so', async () => {
    const prom = await fakePrometheus({});
    await prom.close(); // nothing listens on that port any more
    const server = await backendFor(snapshot, prom.url);
    const res = await request(server).get('/api/homelab-state/overview').set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.cnpg).toHaveLength(5);
    expect(res.body.errors).toEqual([]);
    expect(res.body.prometheus).toEqual({ error: expect.stringMatching(new RegExp(`^Prometheus at ${prom.url} is unreachable: `)) });
    const pg = await request(server)
      .get('/api/homelab-state/objects/cnpg-cluster/database/pg-media')
      .set('authorization', mockCredentials.user.header());
    expect(pg.body.summary).toMatchObject({ name: 'pg-media' });
    expect(pg.body.enrichment).toEqual({ error: expect.stringContaining('is unreachable') });
  });

  it('has no Prometheus field when Prometheus is not configured', async () => {
    const server = await backendFor(snapshot);
    const res = await request(server).get('/api/homelab-state/overview').set('authorization', mockCredentials.user.header());
    expect(res.body).not.toHaveProperty('prometheus');
    const pg = await request(server)
      .get('/api/homelab-state/objects/cnpg-cluster/database/pg-media')
      .set('authorization', mockCredentials.user.header());
    expect(pg.body).not.toHaveProperty('enrichment');
  });
});

/**
 * A stand-in Ray dashboard on a local port: answers the Jobs and Serve REST
 * APIs with fixed bodies, and records the paths asked.
 */
async function fakeRayDashboard() {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const answers: Record<string, unknown> = {
      '/api/jobs/': [
        {
          type: 'SUBMISSION',
          job_id: '02000000',
          submission_id: 'raysubmit_4LamXRuQpYdSMg7J',
          status: 'FAILED',
          entrypoint: 'python warmup.py',
          message: 'Job entrypoint command failed with exit code 1',
          start_time: 1795600800000,
          end_time: 1795600890000,
        },
      ],
      '/api/serve/applications/': {
        applications: {
          llm: {
            name: 'llm',
            route_prefix: '/v1',
            status: 'RUNNING',
            message: '',
            deployments: {
              LLMServer: { name: 'LLMServer', status: 'HEALTHY', message: '', replicas: [{ state: 'RUNNING' }, { state: 'RUNNING' }] },
            },
          },
        },
      },
    };
    const body = answers[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise(r => server.close(r)),
  };
}

/**
 * The routes over the recordings with a Ray dashboard client whose address is
 * injected (test only: the plugin never passes one, so production always
 * derives it from the RayCluster's status).
 */
async function appWithRayDashboard(addressOf: (cluster: { metadata: { name: string } }) => string, recordings = snapshot) {
  const state = readStateConfig(
    new ConfigReader({
      homelab: { state: { source: 'recorded', recorded: { path: recordings, recordedAt: '2026-11-25T12:00:00Z' }, rayDashboard: { enabled: true } } },
    }),
  );
  const reader = new CachedStateReader(new RecordedObjectsSource(state.recordedPath!, 'homelab'), {
    ttlMs: state.cacheTtlMs,
    timeoutMs: state.requestTimeoutMs,
  });
  const addresses: string[] = [];
  const rayDashboard = new RayDashboardClient({
    port: state.rayDashboard.port,
    ttlMs: state.cacheTtlMs,
    timeoutMs: state.requestTimeoutMs,
    addressOf: c => {
      addresses.push(c.metadata.name);
      return addressOf(c);
    },
  });
  const service = new PlatformStateService(reader, state, () => new Date('2026-11-25T12:00:00Z'), undefined, rayDashboard);
  const app = express().use(
    await createRouter({
      service,
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth({ defaultCredentials: mockCredentials.user() }),
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    }),
  );
  return { app, addresses };
}

describe('homelab-state backend with the Ray dashboard', () => {
  it("adds a ray-cluster's jobs and a ray-service's Serve applications from the dashboard", async () => {
    const dashboard = await fakeRayDashboard();
    try {
      const { app, addresses } = await appWithRayDashboard(() => dashboard.url);
      const rc = await request(app).get('/objects/ray-cluster/ai/llm-serve-raycluster-x7k2p');
      expect(rc.status).toBe(200);
      expect(rc.body.summary).toMatchObject({ name: 'llm-serve-raycluster-x7k2p', headService: 'llm-serve-raycluster-x7k2p-head-svc' });
      expect(rc.body.enrichment).toEqual({
        rayDashboard: {
          jobs: [
            {
              jobId: '02000000',
              submissionId: 'raysubmit_4LamXRuQpYdSMg7J',
              status: 'FAILED',
              entrypoint: 'python warmup.py',
              message: 'Job entrypoint command failed with exit code 1',
              startTime: '2026-11-25T10:00:00.000Z',
              endTime: '2026-11-25T10:01:30.000Z',
              durationSeconds: 90,
              severity: 'error',
            },
          ],
        },
      });
      const rs = await request(app).get('/objects/ray-service/ai/llm-serve');
      expect(rs.status).toBe(200);
      expect(rs.body.enrichment).toEqual({
        rayDashboard: {
          serveApplications: [
            {
              name: 'llm',
              status: 'RUNNING',
              routePrefix: '/v1',
              severity: 'ok',
              deployments: [{ name: 'LLMServer', status: 'HEALTHY', severity: 'ok', replicas: { RUNNING: 2 } }],
            },
          ],
        },
      });
      // The service's dashboard is that of its active RayCluster.
      expect(addresses).toEqual(['llm-serve-raycluster-x7k2p', 'llm-serve-raycluster-x7k2p']);
      expect(dashboard.asked).toEqual(['/api/jobs/', '/api/serve/applications/']);
    } finally {
      await dashboard.close();
    }
  });

  it('refuses a RayCluster whose status names a head service that is not a DNS-1123 label, without any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recordings-'));
    const dashboard = await fakeRayDashboard();
    try {
      cpSync(snapshot, dir, { recursive: true });
      const file = join(dir, 'rayclusters.ray.io.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'serviceName: llm-serve-raycluster-x7k2p-head-svc',
          'serviceName: "attacker.example.com:80/x#"',
        ),
      );
      const { app, addresses } = await appWithRayDashboard(() => dashboard.url, dir);
      for (const path of ['ray-cluster/ai/llm-serve-raycluster-x7k2p', 'ray-service/ai/llm-serve']) {
        const res = await request(app).get(`/objects/${path}`);
        expect(res.status).toBe(200);
        expect(res.body.enrichment).toEqual({
          error:
            'Ray dashboard of ai/llm-serve-raycluster-x7k2p was not asked: its head service "attacker.example.com:80/x#" is not a DNS-1123 label',
        });
      }
      expect(addresses).toEqual([]);
      expect(dashboard.asked).toEqual([]);
    } finally {
      await dashboard.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a ray-job alone', async () => {
    const { app, addresses } = await appWithRayDashboard(() => 'http://127.0.0.1:1');
    const res = await request(app).get('/objects/ray-job/ai/rag-ingest');
    expect(res.body.summary).toMatchObject({ name: 'rag-ingest' });
    expect(res.body).not.toHaveProperty('enrichment');
    expect(addresses).toEqual([]);
  });

  it('still serves the object when the dashboard is unreachable, with one sentence saying so', async () => {
    const server = await backendFor(snapshot, undefined, { requestTimeoutSeconds: 2, rayDashboard: { enabled: true } });
    const res = await request(server)
      .get('/api/homelab-state/objects/ray-cluster/ai/llm-serve-raycluster-x7k2p')
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ name: 'llm-serve-raycluster-x7k2p' });
    expect(res.body.enrichment).toEqual({
      error: expect.stringMatching(
        /^Ray dashboard of ai\/llm-serve-raycluster-x7k2p at http:\/\/llm-serve-raycluster-x7k2p-head-svc\.ai\.svc\.cluster\.local:8265 (is unreachable: |did not answer within 2000 ms)/,
      ),
    });
  });

  it('has no enrichment when the dashboard is not enabled', async () => {
    const server = await backendFor(snapshot);
    for (const path of ['ray-cluster/ai/llm-serve-raycluster-x7k2p', 'ray-service/ai/llm-serve']) {
      const res = await request(server).get(`/api/homelab-state/objects/${path}`).set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.summary).toBeDefined();
      expect(res.body).not.toHaveProperty('enrichment');
    }
  });
});
