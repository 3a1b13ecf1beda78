import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabResourcePicker, HomelabResourcePickerUiOptions } from './HomelabResourcePicker';

async function renderPicker(uiOptions: HomelabResourcePickerUiOptions, title: string) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities: exampleCatalog })]]}>
      <FieldHarness Field={HomelabResourcePicker} name="resource" title={title} uiOptions={uiOptions} />
    </TestApiProvider>,
  );
  const select = await screen.findByRole('button', { name: new RegExp(title) });
  await screen.findByText(`One of the catalog's ${uiOptions.resourceType} resources.`);
  fireEvent.mouseDown(select);
  return within(await screen.findByRole('listbox'));
}

describe('HomelabResourcePicker', () => {
  it('offers the postgres clusters by Kubernetes name and stores that name, not the entity name', async () => {
    const list = await renderPicker({ resourceType: 'postgres-cluster' }, 'Postgres cluster');
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual(['pg-media in database', 'pg-other in database']);
    fireEvent.click(list.getByText('pg-other'));
    expect(screen.getByTestId('value')).toHaveTextContent(/^pg-other$/);
  });

  it('shows ingress classes as public or restricted', async () => {
    const list = await renderPicker({ resourceType: 'ingress-class' }, 'Ingress class');
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual(['haproxypublic', 'haproxy-restrictedrestricted']);
  });
});
