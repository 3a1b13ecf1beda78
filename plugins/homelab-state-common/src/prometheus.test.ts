import type { PrometheusResults, PrometheusSample } from './prometheus';
import { derivePrometheusEnrichment, PROMETHEUS_QUERIES, replicationLagOf, walArchiverOf } from './prometheus';

/** The `data.result` of a Prometheus instant query response. */
type Response = { status: 'success'; data: { resultType: 'vector'; result: PrometheusSample[] } };
const vector = (result: PrometheusSample[]): Response => ({ status: 'success', data: { resultType: 'vector', result } });
const T = 1764072000.123;
const one = (v: string) => vector([{ metric: {}, value: [T, v] }]);

// Shaped like what Prometheus answers for each query on a 3-node Rook cluster.
const responses: Record<keyof typeof PROMETHEUS_QUERIES, Response> = {
  cephOsdsUp: one('5'),
  cephOsdsIn: one('6'),
  cephOsdsTotal: one('6'),
  cephPgActive: one('177'),
  cephPgClean: one('161'),
  cephPgDegraded: one('16'),
  cephPgUndersized: one('16'),
  cephPgPeering: one('0'),
  cephPgTotal: one('177'),
  cephPoolPercentUsed: vector([
    { metric: { instance: '10.42.1.17:9283', job: 'rook-ceph-mgr', name: 'ceph-blockpool', pool_id: '2' }, value: [T, '0.4127326309680939'] },
    { metric: { instance: '10.42.1.17:9283', job: 'rook-ceph-mgr', name: '.mgr', pool_id: '1' }, value: [T, '0.000011213'] },
    { metric: { instance: '10.42.1.17:9283', job: 'rook-ceph-mgr', name: 'ceph-filesystem-data0', pool_id: '4' }, value: [T, '0.7812'] },
  ]),
  cephPoolStored: vector([
    { metric: { instance: '10.42.1.17:9283', job: 'rook-ceph-mgr', name: 'ceph-blockpool', pool_id: '2' }, value: [T, '412316860416'] },
    { metric: { instance: '10.42.1.17:9283', job: 'rook-ceph-mgr', name: '.mgr', pool_id: '1' }, value: [T, '1114112'] },
  ]),
  cephClientReadIops: one('12.433333333333334'),
  cephClientWriteIops: one('88.06666666666666'),
  cnpgReplicationLag: vector([
    { metric: { namespace: 'database', pod: 'pg-media-1' }, value: [T, '0'] },
    { metric: { namespace: 'database', pod: 'pg-media-2' }, value: [T, '0.35'] },
    { metric: { namespace: 'database', pod: 'pg-media-3' }, value: [T, '12'] },
    { metric: { namespace: 'database', pod: 'pg-ai-1' }, value: [T, '0'] },
  ]),
  // Only primaries export pg_stat_archiver (CNPG's predicate_query); -1 is
  // CNPG's "never". pg-ai archives nothing since its object store broke.
  cnpgArchiverLastArchivedTime: vector([
    { metric: { namespace: 'database', pod: 'pg-media-1' }, value: [T, '1764071940'] },
    { metric: { namespace: 'database', pod: 'pg-ai-1' }, value: [T, '1764028800'] },
  ]),
  cnpgArchiverLastFailedTime: vector([
    { metric: { namespace: 'database', pod: 'pg-media-1' }, value: [T, '-1'] },
    { metric: { namespace: 'database', pod: 'pg-ai-1' }, value: [T, '1764071990.5'] },
  ]),
  cnpgArchiverArchivedCount: vector([
    { metric: { namespace: 'database', pod: 'pg-media-1' }, value: [T, '48213'] },
    { metric: { namespace: 'database', pod: 'pg-ai-1' }, value: [T, '9120'] },
  ]),
  cnpgArchiverFailedCount: vector([
    { metric: { namespace: 'database', pod: 'pg-media-1' }, value: [T, '0'] },
    { metric: { namespace: 'database', pod: 'pg-ai-1' }, value: [T, '1337'] },
  ]),
};

const archiver = {
  'database/pg-media-1': { lastArchivedAt: '2025-11-25T11:59:00.000Z', archivedCount: 48213, failedCount: 0 },
  'database/pg-ai-1': { lastArchivedAt: '2025-11-25T00:00:00.000Z', lastFailedAt: '2025-11-25T11:59:50.500Z', archivedCount: 9120, failedCount: 1337 },
};

const resultsOf = (ids: Array<keyof typeof PROMETHEUS_QUERIES>, override: Partial<Record<string, Response>> = {}): PrometheusResults =>
  Object.fromEntries(ids.map(id => [id, (override[id] ?? responses[id]).data.result]));
const ALL = Object.keys(PROMETHEUS_QUERIES) as Array<keyof typeof PROMETHEUS_QUERIES>;

describe('derivePrometheusEnrichment', () => {
  it.each<[string, PrometheusResults, ReturnType<typeof derivePrometheusEnrichment>]>([
    [
      'every query answered',
      resultsOf(ALL),
      {
        ceph: {
          osdsUp: 5,
          osdsIn: 6,
          osdsTotal: 6,
          pgStates: { active: 177, clean: 161, degraded: 16, undersized: 16, peering: 0 },
          pgsTotal: 177,
          pools: [
            { name: 'ceph-filesystem-data0', percentUsed: 78.1 },
            { name: 'ceph-blockpool', percentUsed: 41.3, storedBytes: 412316860416 },
            { name: '.mgr', percentUsed: 0, storedBytes: 1114112 },
          ],
          clientReadIops: 12.4,
          clientWriteIops: 88.1,
        },
        cnpg: { replicationLagSeconds: { 'pg-media-1': 0, 'pg-media-2': 0.35, 'pg-media-3': 12, 'pg-ai-1': 0 }, walArchiver: archiver },
      },
    ],
    ['nothing answered (Prometheus down)', {}, {}],
    [
      'empty vectors (metrics not scraped) are absent, not zero',
      resultsOf(ALL, Object.fromEntries(ALL.map(id => [id, vector([])]))),
      {},
    ],
    [
      'only OSD queries answered',
      resultsOf(['cephOsdsUp', 'cephOsdsTotal']),
      { ceph: { osdsUp: 5, osdsTotal: 6 } },
    ],
    [
      'only some PG states answered; NaN values are dropped',
      resultsOf(['cephPgActive', 'cephPgDegraded'], { cephPgDegraded: one('NaN') }),
      { ceph: { pgStates: { active: 177 } } },
    ],
    [
      'only CNPG answered',
      resultsOf(['cnpgReplicationLag']),
      { cnpg: { replicationLagSeconds: { 'pg-media-1': 0, 'pg-media-2': 0.35, 'pg-media-3': 12, 'pg-ai-1': 0 } } },
    ],
    [
      'only the archiver answered',
      resultsOf(['cnpgArchiverLastArchivedTime', 'cnpgArchiverLastFailedTime', 'cnpgArchiverArchivedCount', 'cnpgArchiverFailedCount']),
      { cnpg: { walArchiver: archiver } },
    ],
    [
      'an instance that never archived nor failed keeps only its counts',
      {
        cnpgArchiverLastArchivedTime: [{ metric: { namespace: 'db', pod: 'pg-new-1' }, value: [T, '-1'] }],
        cnpgArchiverLastFailedTime: [{ metric: { namespace: 'db', pod: 'pg-new-1' }, value: [T, '-1'] }],
        cnpgArchiverArchivedCount: [{ metric: { namespace: 'db', pod: 'pg-new-1' }, value: [T, '0'] }],
      },
      { cnpg: { walArchiver: { 'db/pg-new-1': { archivedCount: 0 } } } },
    ],
    [
      'pool samples without a name (metadata join missing) are skipped',
      { cephPoolPercentUsed: [{ metric: { pool_id: '9' }, value: [T, '0.5'] }] },
      {},
    ],
  ])('%s', (_name, results, expected) => {
    expect(derivePrometheusEnrichment(results)).toEqual(expected);
  });
});

describe('replicationLagOf', () => {
  const lag = { 'pg-media-1': 0, 'pg-media-2': 0.35, 'pg-media-old-1': 4, 'pg-ai-1': 0 };
  it.each<[string, Record<string, number> | undefined]>([
    ['pg-media', { 'pg-media-1': 0, 'pg-media-2': 0.35 }],
    ['pg-ai', { 'pg-ai-1': 0 }],
    ['pg-nope', undefined],
  ])('%s', (cluster, expected) => {
    expect(replicationLagOf(lag, cluster)).toEqual(expected);
  });
  it('is undefined without data', () => expect(replicationLagOf(undefined, 'pg-media')).toBeUndefined());
});

describe('walArchiverOf', () => {
  const stats = {
    ...archiver,
    // The same cluster name in another namespace, and a former primary whose
    // series lingers after a switchover (its last archive is older).
    'staging/pg-media-1': { lastArchivedAt: '2025-11-25T11:59:59.000Z', archivedCount: 3, failedCount: 0 },
    'database/pg-media-2': { lastArchivedAt: '2025-11-25T11:40:00.000Z', archivedCount: 40000, failedCount: 0 },
  };
  it.each<[string, { namespace?: string; name: string }, ReturnType<typeof walArchiverOf>]>([
    ['the archiving primary of its namespace', { namespace: 'database', name: 'pg-media' }, { pod: 'pg-media-1', ...archiver['database/pg-media-1'] }],
    ['a failing cluster, by its last failure', { namespace: 'database', name: 'pg-ai' }, { pod: 'pg-ai-1', ...archiver['database/pg-ai-1'] }],
    ['any namespace: the latest activity', { name: 'pg-media' }, { pod: 'pg-media-1', lastArchivedAt: '2025-11-25T11:59:59.000Z', archivedCount: 3, failedCount: 0 }],
    ['another namespace only', { namespace: 'staging', name: 'pg-media' }, { pod: 'pg-media-1', lastArchivedAt: '2025-11-25T11:59:59.000Z', archivedCount: 3, failedCount: 0 }],
    ['a cluster nobody reports for', { namespace: 'database', name: 'pg-other' }, undefined],
    ['a name that only prefixes another cluster', { namespace: 'database', name: 'pg' }, undefined],
  ])('%s', (_name, cluster, expected) => {
    expect(walArchiverOf(stats, cluster)).toEqual(expected);
  });
  it('is undefined without data', () => expect(walArchiverOf(undefined, { name: 'pg-media' })).toBeUndefined());
});
