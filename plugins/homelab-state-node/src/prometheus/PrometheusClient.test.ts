import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { PROMETHEUS_QUERIES } from '@internal/plugin-homelab-state-common';
import { PrometheusClient } from './PrometheusClient';

const PROM = 'http://prometheus.monitoring.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// What Prometheus answers to `sum(ceph_osd_up)`.
const osdsUp = {
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: {}, value: [1764072000.123, '6'] }] },
};

const client = (options: Partial<ConstructorParameters<typeof PrometheusClient>[0]> = {}) =>
  new PrometheusClient({ url: `${PROM}/`, ttlMs: 30_000, timeoutMs: 1_000, ...options });

describe('PrometheusClient', () => {
  it('runs an instant query and returns its samples', async () => {
    let query: string | null = null;
    server.use(
      http.get(`${PROM}/api/v1/query`, ({ request }) => {
        query = new URL(request.url).searchParams.get('query');
        return HttpResponse.json(osdsUp);
      }),
    );
    const c = client();
    expect(await c.query('sum(ceph_osd_up)')).toEqual(osdsUp.data.result);
    expect(query).toBe('sum(ceph_osd_up)');
    expect(c.errorOf('sum(ceph_osd_up)')).toBeUndefined();
  });

  it.each([
    [
      'HTTP 500',
      () => HttpResponse.text('internal error', { status: 500 }),
      `Prometheus at ${PROM} answered HTTP 500 to sum(ceph_osd_up)`,
    ],
    [
      'a PromQL error',
      () =>
        HttpResponse.json(
          { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:5: parse error: unexpected <EOF>' },
          { status: 400 },
        ),
      `Prometheus at ${PROM} answered HTTP 400 to sum(ceph_osd_up): invalid parameter "query": 1:5: parse error: unexpected <EOF>`,
    ],
    ['a network error', () => HttpResponse.error(), new RegExp(`^Prometheus at ${PROM} is unreachable: `)],
  ])('answers undefined and keeps the error on %s', async (_name, resolver, message) => {
    server.use(http.get(`${PROM}/api/v1/query`, resolver));
    const c = client();
    await expect(c.query('sum(ceph_osd_up)')).resolves.toBeUndefined();
    expect(c.errorOf('sum(ceph_osd_up)')).toMatch(message);
  });

  it('gives up after the timeout', async () => {
    server.use(
      http.get(`${PROM}/api/v1/query`, async () => {
        await delay(2_000);
        return HttpResponse.json(osdsUp);
      }),
    );
    const c = client({ timeoutMs: 50 });
    const started = Date.now();
    await expect(c.query('sum(ceph_osd_up)')).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(c.errorOf('sum(ceph_osd_up)')).toBe(`Prometheus at ${PROM} did not answer within 50 ms`);
  });

  it('shares one HTTP call among concurrent identical queries and caches for the TTL', async () => {
    let calls = 0;
    server.use(
      http.get(`${PROM}/api/v1/query`, async () => {
        calls++;
        await delay(20);
        return HttpResponse.json(osdsUp);
      }),
    );
    let now = 1_000_000;
    const c = client({ now: () => now });
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.query('sum(ceph_osd_up)')));
    expect(answers.every(a => a?.[0].value[1] === '6')).toBe(true);
    expect(calls).toBe(1);
    expect(c.httpCalls).toBe(1);
    await c.query('sum(ceph_osd_up)');
    expect(calls).toBe(1);
    now += 30_001;
    await c.query('sum(ceph_osd_up)');
    expect(calls).toBe(2);
  });

  it('runs queries by id and reports the first failure', async () => {
    server.use(
      http.get(`${PROM}/api/v1/query`, ({ request }) => {
        const q = new URL(request.url).searchParams.get('query');
        return q === PROMETHEUS_QUERIES.cephOsdsUp ? HttpResponse.json(osdsUp) : HttpResponse.text('', { status: 503 });
      }),
    );
    const { results, error } = await client().queryAll(['cephOsdsUp', 'cephOsdsIn']);
    expect(results).toEqual({ cephOsdsUp: osdsUp.data.result });
    expect(error).toBe(`Prometheus at ${PROM} answered HTTP 503 to sum(ceph_osd_in)`);
  });
});
