import { render, screen, within } from '@testing-library/react';
import { StackedTable } from './StackedTable';
import type { StackedTableColumn } from './StackedTable';

interface Cluster {
  name: string;
  ready: string;
  problems: string;
}

const columns: Array<StackedTableColumn<Cluster>> = [
  { title: 'Cluster', render: c => c.name },
  { title: 'Ready', render: c => c.ready },
  { title: 'Problems', render: c => c.problems || '–' },
];
const rows: Cluster[] = [
  { name: 'pg-media', ready: '1/1', problems: 'Last successful backup is 74 h old' },
  { name: 'pg-ai', ready: '3/3', problems: '' },
];

/**
 * The browser's media queries at a given viewport width: jsdom has none.
 * Understands the min-width/max-width queries MUI's breakpoints produce.
 */
function viewport(width: number) {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return { matches, media: query, onchange: null, addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false };
  };
}

describe('StackedTable', () => {
  const original = window.matchMedia;
  afterEach(() => {
    window.matchMedia = original;
  });

  it('is a table with a heading row at desktop width', () => {
    viewport(1280);
    render(<StackedTable label="Postgres clusters" columns={columns} rows={rows} rowKey={c => c.name} />);
    const table = screen.getByRole('table', { name: 'Postgres clusters' });
    expect(within(table).getAllByRole('columnheader').map(h => h.textContent)).toEqual(['Cluster', 'Ready', 'Problems']);
    expect(within(table).getAllByRole('row').map(r => r.textContent)).toEqual([
      'ClusterReadyProblems',
      'pg-media1/1Last successful backup is 74 h old',
      'pg-ai3/3–',
    ]);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('is one card per row at phone width: the first column heads it, the others are labelled lines, blanks left out', () => {
    viewport(390);
    render(<StackedTable label="Postgres clusters" columns={columns} rows={rows} rowKey={c => c.name} />);
    expect(screen.queryByRole('table')).toBeNull();
    const list = screen.getByRole('list', { name: 'Postgres clusters' });
    expect(within(list).getAllByRole('listitem').map(i => [...i.children].map(c => c.textContent))).toEqual([
      ['pg-media', 'Ready: 1/1', 'Problems: Last successful backup is 74 h old'],
      ['pg-ai', 'Ready: 3/3'],
    ]);
  });

  it('leaves the labels out when the table has no heading row', () => {
    viewport(390);
    render(<StackedTable hideHeader columns={columns} rows={rows.slice(0, 1)} rowKey={c => c.name} />);
    expect([...screen.getByRole('listitem').children].map(c => c.textContent)).toEqual(['pg-media', '1/1', 'Last successful backup is 74 h old']);
  });

  it('shows what it is given for no rows, at any width', () => {
    viewport(1280);
    const { rerender } = render(<StackedTable columns={columns} rows={[]} rowKey={c => c.name} empty="No clusters." />);
    expect(screen.getByText('No clusters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    viewport(390);
    rerender(<StackedTable columns={columns} rows={[]} rowKey={c => c.name} empty="No clusters, still." />);
    expect(screen.getByText('No clusters, still.')).toBeInTheDocument();
  });
});
