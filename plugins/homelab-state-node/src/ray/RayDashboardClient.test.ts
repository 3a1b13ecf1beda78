import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { KubeObject } from '@internal/plugin-homelab-state-common';
import { RayDashboardClient, rayDashboardAddress } from './RayDashboardClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// As recorded in examples/cluster-snapshot/rayclusters.ray.io.yaml.
const cluster = (status: any = { head: { serviceName: 'llm-serve-raycluster-x7k2p-head-svc' } }, namespace = 'ai'): KubeObject => ({
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: { name: 'llm-serve-raycluster-x7k2p', namespace },
  status,
});
const DASHBOARD = 'http://llm-serve-raycluster-x7k2p-head-svc.ai.svc.cluster.local:8265';

const jobs = [
  {
    type: 'SUBMISSION',
    job_id: '02000000',
    submission_id: 'raysubmit_4LamXRuQpYdSMg7J',
    status: 'SUCCEEDED',
    entrypoint: 'python embed.py',
    message: 'Job finished successfully.',
    start_time: 1764064800000,
    end_time: 1764066330500,
  },
];
const serve = {
  controller_info: { node_id: 'a1b2', actor_id: 'c3d4' },
  proxy_location: 'EveryNode',
  http_options: { host: '0.0.0.0', port: 8000 },
  applications: {
    llm: {
      name: 'llm',
      route_prefix: '/v1',
      status: 'RUNNING',
      message: '',
      last_deployed_time_s: 1764064800.25,
      deployments: { LLMServer: { name: 'LLMServer', status: 'HEALTHY', message: '', replicas: [{ state: 'RUNNING' }] } },
    },
  },
};

const client = (options: Partial<ConstructorParameters<typeof RayDashboardClient>[0]> = {}) =>
  new RayDashboardClient({ ttlMs: 30_000, timeoutMs: 1_000, ...options });

describe('rayDashboardAddress', () => {
  it.each([
    ['the head service of the status', cluster(), { url: DASHBOARD }],
    [
      'the default head service when the status names none',
      cluster({}),
      { url: 'http://llm-serve-raycluster-x7k2p-head-svc.ai.svc.cluster.local:8265' },
    ],
    [
      'a head service that is not a DNS-1123 label',
      cluster({ head: { serviceName: 'evil.example.com:80/#' } }),
      { error: 'Ray dashboard of ai/llm-serve-raycluster-x7k2p was not asked: its head service "evil.example.com:80/#" is not a DNS-1123 label' },
    ],
    [
      'a head service with a dot',
      cluster({ head: { serviceName: 'svc.other-ns' } }),
      { error: expect.stringContaining('is not a DNS-1123 label') },
    ],
    [
      'a namespace that is not a DNS-1123 label',
      cluster(undefined, 'AI_NS'),
      { error: 'Ray dashboard of AI_NS/llm-serve-raycluster-x7k2p was not asked: its namespace is not a DNS-1123 label' },
    ],
  ])('derives %s', (_name, c, expected) => {
    expect(rayDashboardAddress(c, 8265)).toEqual(expected);
  });
});

describe('RayDashboardClient', () => {
  it('lists jobs and Serve applications from the derived address', async () => {
    server.use(
      http.get(`${DASHBOARD}/api/jobs/`, () => HttpResponse.json(jobs)),
      http.get(`${DASHBOARD}/api/serve/applications/`, () => HttpResponse.json(serve)),
    );
    const c = client();
    await expect(c.jobs(cluster())).resolves.toEqual({ value: jobs });
    await expect(c.serveApplications(cluster())).resolves.toEqual({ value: serve });
  });

  it('reads jobs keyed by id, as older Ray versions answer', async () => {
    server.use(http.get(`${DASHBOARD}/api/jobs/`, () => HttpResponse.json({ raysubmit_1: { status: 'RUNNING', entrypoint: 'python a.py' } })));
    await expect(client().jobs(cluster())).resolves.toEqual({
      value: [{ submission_id: 'raysubmit_1', status: 'RUNNING', entrypoint: 'python a.py' }],
    });
  });

  it('refuses a head service that is not a DNS-1123 label, without any request', async () => {
    const c = client({ addressOf: () => 'http://stand-in.test' });
    const answer = await c.jobs(cluster({ head: { serviceName: 'x.evil.example.com' } }));
    expect(answer.error).toMatch(/was not asked: its head service "x.evil.example.com" is not a DNS-1123 label/);
    expect(answer.value).toBeUndefined();
    expect(c.httpCalls).toBe(0);
  });

  it('asks the test-only address when given', async () => {
    server.use(http.get('http://stand-in.test/api/jobs/', () => HttpResponse.json(jobs)));
    await expect(client({ addressOf: () => 'http://stand-in.test/' }).jobs(cluster())).resolves.toEqual({ value: jobs });
  });

  it.each([
    ['HTTP 500', () => HttpResponse.text('oops', { status: 500 }), `Ray dashboard of ai/llm-serve-raycluster-x7k2p at ${DASHBOARD} answered HTTP 500 to /api/jobs/`],
    [
      'HTML instead of JSON',
      () => HttpResponse.text('<html></html>'),
      `Ray dashboard of ai/llm-serve-raycluster-x7k2p at ${DASHBOARD} answered /api/jobs/ with something other than the expected JSON`,
    ],
    ['a network error', () => HttpResponse.error(), new RegExp(`^Ray dashboard of ai/llm-serve-raycluster-x7k2p at ${DASHBOARD} is unreachable: `)],
  ])('answers an error on %s', async (_name, resolver, message) => {
    server.use(http.get(`${DASHBOARD}/api/jobs/`, resolver));
    const answer = await client().jobs(cluster());
    expect(answer.value).toBeUndefined();
    expect(answer.error).toMatch(message);
  });

  it('gives up after the timeout', async () => {
    server.use(
      http.get(`${DASHBOARD}/api/jobs/`, async () => {
        await delay(2_000);
        return HttpResponse.json(jobs);
      }),
    );
    const started = Date.now();
    const answer = await client({ timeoutMs: 50 }).jobs(cluster());
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(answer.error).toBe(`Ray dashboard of ai/llm-serve-raycluster-x7k2p at ${DASHBOARD} did not answer within 50 ms`);
  });

  it('shares one HTTP call among concurrent askers and caches for the TTL', async () => {
    let calls = 0;
    server.use(
      http.get(`${DASHBOARD}/api/jobs/`, async () => {
        calls++;
        await delay(20);
        return HttpResponse.json(jobs);
      }),
    );
    let now = 1_000_000;
    const c = client({ now: () => now });
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.jobs(cluster())));
    expect(answers.every(a => a.value?.[0].job_id === '02000000')).toBe(true);
    expect(calls).toBe(1);
    await c.jobs(cluster());
    expect(calls).toBe(1);
    now += 30_001;
    await c.jobs(cluster());
    expect(calls).toBe(2);
    expect(c.httpCalls).toBe(2);
  });
});
