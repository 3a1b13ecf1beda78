import { renderInTestApp } from '@backstage/frontend-test-utils';
import { deriveCnpgCluster } from '@internal/plugin-homelab-state-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { CnpgClusterView } from './CnpgClusterView';
import { ObservedAtContext } from './common';

const snapshot = resolve(__dirname, '../../../../examples/cluster-snapshot');
const pgMedia = parse(readFileSync(resolve(snapshot, 'clusters.postgresql.cnpg.io.yaml'), 'utf8')).items.find(
  (c: any) => c.metadata.name === 'pg-media',
);
const observedAt = new Date('2026-11-25T12:00:00Z');
const summary = deriveCnpgCluster(pgMedia, {}, { now: observedAt, staleBackupHours: 26 });

describe('CnpgClusterView: WAL archiver times', () => {
  it('shows the last archived and last failed times and the counts Prometheus gave', async () => {
    const { getByText } = await renderInTestApp(
      <ObservedAtContext.Provider value={observedAt}>
        <CnpgClusterView
          summary={summary}
          walArchiver={{ pod: 'pg-media-1', lastArchivedAt: '2026-11-25T11:58:00.000Z', archivedCount: 48213, failedCount: 0 }}
        />
      </ObservedAtContext.Provider>,
    );
    expect(getByText('48213 archived, 0 failed (pg-media-1): last archived 2026-11-25T11:58:00.000Z (2 min ago), last failed never')).toBeInTheDocument();
  });

  it('has no archiver line without Prometheus figures', async () => {
    const { queryByText } = await renderInTestApp(<CnpgClusterView summary={summary} />);
    expect(queryByText(/last archived/)).toBeNull();
    expect(queryByText(/WAL archiver/i)).toBeNull();
  });
});
