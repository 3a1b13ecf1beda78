import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { buildPlatformOverview, STATE_KINDS } from '@internal/plugin-homelab-state-common';
import type { StateKindKey, StateLists } from '@internal/plugin-homelab-state-common';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { PlatformOverviewContent } from './PlatformOverviewPage';

const snapshot = resolve(__dirname, '../../../../examples/cluster-snapshot');

/** The recorded example cluster, as the backend's reader would return it. */
function recordedLists(drop: StateKindKey[] = []): StateLists {
  return Object.fromEntries(
    (Object.keys(STATE_KINDS) as StateKindKey[]).map(key => {
      const k = STATE_KINDS[key];
      const file = join(snapshot, `${k.plural}.${k.group}.yaml`);
      if (drop.includes(key) || !existsSync(file)) {
        return [key, [{ cluster: 'homelab', items: [], error: { type: 'not-installed', cluster: 'homelab', kind: k.id, message: `${k.kind} is not installed in cluster homelab` } }]];
      }
      return [key, [{ cluster: 'homelab', items: parse(readFileSync(file, 'utf8')).items, fetchedAt: '2026-11-25T12:00:00Z' }]];
    }),
  ) as StateLists;
}

const now = new Date('2026-11-25T12:00:00Z');

const catalogApi = catalogApiMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'ceph-block' },
      spec: { type: 'storage-class' },
      relations: [{ type: 'dependencyOf', targetRef: 'component:default/jellyfin' }],
    },
  ],
});
const render = (overview: ReturnType<typeof buildPlatformOverview>) =>
  renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <PlatformOverviewContent overview={overview} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('PlatformOverviewContent', () => {
  it('shows Ceph health, Postgres problems, backup ages, Ray and Argo needs-attention', async () => {
    const overview = buildPlatformOverview(recordedLists(), { now });
    const { findAllByText, getByText, getByLabelText } = await render(overview);
    expect((await findAllByText('HEALTH_WARN')).length).toBeGreaterThan(0);
    expect(getByText('MON_DISK_LOW')).toBeInTheDocument();
    expect((await findAllByText(/Switchover in progress: pg-media-1 → pg-media-2/)).length).toBeGreaterThan(0);
    const chart = getByLabelText('Age of the last successful backup per Postgres cluster');
    expect(chart).toHaveTextContent('pg-other');
    expect(getByText(/Needs attention \(\d+\)/)).toBeInTheDocument();
    expect(await findAllByText('jellyfin')).not.toHaveLength(0);
    // Rendering the whole recorded overview is slow on a loaded machine.
  }, 60_000);

  it("draws the backup-age line at the backend's staleBackupHours", async () => {
    const overview = buildPlatformOverview(recordedLists(), { now, staleBackupHours: 72 });
    const { findByText } = await render(overview);
    expect(await findByText(/^The line marks 72 h: a backup older than that is stale\./)).toBeInTheDocument();
  }, 60_000);

  it('names a hibernated and a replica Postgres cluster in the table and never draws their backups as stale', async () => {
    const lists = recordedLists();
    const [clusters] = lists.cnpgCluster;
    lists.cnpgCluster = [
      {
        ...clusters,
        items: clusters.items.map(c => {
          if (c.metadata?.name === 'pg-other') return { ...c, metadata: { ...c.metadata, annotations: { 'cnpg.io/hibernation': 'on' } } };
          if (c.metadata?.name === 'pg-ai') return { ...c, spec: { ...c.spec, replica: { enabled: true, source: 'pg-ai-eu' } } };
          return c;
        }),
      },
    ];
    const { findByRole, getByLabelText } = await render(buildPlatformOverview(lists, { now }));
    const table = await findByRole('table', { name: 'Postgres clusters' });
    const row = (name: string) => [...table.querySelectorAll('tbody tr')].find(r => r.firstElementChild?.textContent === name);
    expect(row('pg-other')?.children[1].textContent).toBe('okhibernated');
    expect(row('pg-ai')?.children[1].textContent).toMatch(/replica of pg-ai-eu/);
    // A cluster that is neither keeps its plain severity.
    expect(row('pg-platform')?.children[1].textContent).toBe('ok');
    const chart = getByLabelText('Age of the last successful backup per Postgres cluster');
    expect(chart).toHaveTextContent(/pg-otherhibernated · 74 h/);
    expect(chart).toHaveTextContent(/pg-aireplica cluster · \d+ h/);
    expect(chart).not.toHaveTextContent(/pg-platformreplica|pg-platformhibernated/);
  }, 60_000);

  it('says which kinds are not installed instead of leaving a blank card', async () => {
    const overview = buildPlatformOverview(recordedLists(['rayService', 'rayCluster', 'rayJob']), { now });
    const { findByText, getByText } = await render(overview);
    expect(await findByText(/ray-service is not installed in cluster homelab/)).toBeInTheDocument();
    expect(getByText('No Ray objects found.')).toBeInTheDocument();
  });

  it('shows the RBAC rule to add when the portal may not list a kind', async () => {
    const lists = recordedLists();
    lists.argoApplication = [
      {
        cluster: 'homelab',
        items: [],
        error: {
          type: 'forbidden',
          cluster: 'homelab',
          kind: 'argo-application',
          message: "The portal's service account may not list applications.argoproj.io in cluster homelab",
          rbacRule: '- apiGroups: ["argoproj.io"]\n  resources: ["applications"]\n  verbs: ["get", "list", "watch"]',
        },
      },
    ];
    const { findByText, getByText } = await render(buildPlatformOverview(lists, { now }));
    expect(await findByText(/The portal may not list argo-application in cluster homelab/)).toBeInTheDocument();
    expect(getByText(/Add this rule to the portal's ClusterRole/)).toBeInTheDocument();
  });

  it('shows Prometheus figures when the backend sends them', async () => {
    const overview = {
      ...buildPlatformOverview(recordedLists(), { now }),
      prometheus: {
        ceph: {
          osdsUp: 5,
          osdsIn: 6,
          osdsTotal: 6,
          pgStates: { active: 177, degraded: 16 },
          pgsTotal: 177,
          pools: [{ name: 'ceph-blockpool', percentUsed: 41.3, storedBytes: 412316860416 }],
          clientReadIops: 12.4,
          clientWriteIops: 88.1,
        },
        cnpg: { replicationLagSeconds: { 'pg-media-1': 0, 'pg-media-2': 3.5 } },
      },
    };
    const { findAllByText, getByText } = await render(overview);
    expect((await findAllByText('5 up, 6 in, 6 total')).length).toBeGreaterThan(0);
    expect(getByText('177 total, 177 active, 16 degraded')).toBeInTheDocument();
    expect(getByText('ceph-blockpool: 41.3% (384 GiB stored)')).toBeInTheDocument();
    expect(getByText('12.4 read, 88.1 write')).toBeInTheDocument();
    expect(getByText('Max replication lag')).toBeInTheDocument();
    expect(getByText('3.5 s')).toBeInTheDocument();
  });

  it('hides Prometheus figures when absent, and says why as an info note', async () => {
    const plain = await render(buildPlatformOverview(recordedLists(), { now }));
    expect((await plain.findAllByText('HEALTH_WARN')).length).toBeGreaterThan(0);
    expect(plain.queryByText('Max replication lag')).toBeNull();
    expect(plain.queryByText('OSDs')).toBeNull();
    plain.unmount();
    const down = await render({
      ...buildPlatformOverview(recordedLists(), { now }),
      prometheus: { error: 'Prometheus at http://prometheus:9090 is unreachable: fetch failed' },
    });
    expect(await down.findByText(/Prometheus at http:\/\/prometheus:9090 is unreachable/)).toBeInTheDocument();
    expect(down.queryByText('Max replication lag')).toBeNull();
  });
});
