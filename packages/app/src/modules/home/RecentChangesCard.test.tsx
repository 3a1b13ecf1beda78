import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { RecentChangesCard } from './RecentChangesCard';

const now = new Date('2026-11-03T12:00:00.000Z');
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('RecentChangesCard', () => {
  it('lists each changed component with the commit subject, age, author and a link', async () => {
    const { getByText, getAllByRole, queryByText } = await renderInTestApp(
      <RecentChangesCard
        now={now}
        changes={{
          source: 'git',
          items: [
            { entityRef: 'component:default/immich', name: 'immich', source: 'homelab-gitops', sha: 'abcdef1234', subject: 'Bump immich', author: 'alice', date: '2026-11-03T10:00:00.000Z' },
            { entityRef: 'component:default/jellyfin', name: 'jellyfin', source: 'homelab-gitops', sha: '1234567890', subject: 'Add jellyfin', author: 'bob', date: '2026-11-01T12:00:00.000Z' },
          ],
        }}
      />,
    );
    expect(getAllByRole('link').map(a => [a.textContent, a.getAttribute('href')])).toEqual([
      ['immich', '/catalog/default/component/immich'],
      ['jellyfin', '/catalog/default/component/jellyfin'],
    ]);
    expect(getByText(': Bump immich', { exact: false })).toBeInTheDocument();
    expect(getByText('2 hours ago by alice · abcdef1')).toBeInTheDocument();
    expect(getByText('2 days ago by bob · 1234567')).toBeInTheDocument();
    expect(queryByText(/not by change date/)).not.toBeInTheDocument();
  });

  it('falls back to catalog components by name and says so', async () => {
    const system: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'System', metadata: { name: 'media' }, spec: {} };
    const { getByText, getAllByRole } = await renderInTestApp(
      <RecentChangesCard now={now} changes={{ source: 'catalog', items: [] }} entities={[component('zigbee'), system, component('atuin')]} />,
    );
    expect(getByText(/not by change date/)).toBeInTheDocument();
    expect(getAllByRole('link').map(a => a.textContent)).toEqual(['atuin', 'zigbee']);
  });

  it('shows the error', async () => {
    const { getByText } = await renderInTestApp(<RecentChangesCard error={new Error('Request failed with 503')} />);
    expect(getByText(/Recent changes unavailable/)).toBeInTheDocument();
    expect(getByText('Request failed with 503')).toBeInTheDocument();
  });
});
