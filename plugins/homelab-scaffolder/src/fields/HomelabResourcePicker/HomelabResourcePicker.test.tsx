import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabResourcePicker, HomelabResourcePickerUiOptions, NONE_LABEL } from './HomelabResourcePicker';

async function renderPicker(uiOptions: HomelabResourcePickerUiOptions, title: string, required = true) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities: exampleCatalog })]]}>
      <FieldHarness Field={HomelabResourcePicker} name="resource" title={title} uiOptions={uiOptions} required={required} />
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

  it('an optional picker goes back to the repo default with "None (repo default)"', async () => {
    let list = await renderPicker({ resourceType: 'ingress-class' }, 'Ingress class', false);
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      NONE_LABEL,
      'haproxypublic',
      'haproxy-restrictedrestricted',
    ]);
    fireEvent.click(list.getByText('haproxy-restricted'));
    expect(screen.getByTestId('value')).toHaveTextContent(/^haproxy-restricted$/);

    fireEvent.mouseDown(screen.getByRole('button', { name: /Ingress class/ }));
    list = within(await screen.findByRole('listbox'));
    fireEvent.click(list.getByText(NONE_LABEL));
    // Unset, not an empty string: the template's default applies again.
    expect(screen.getByTestId('value')).toHaveAttribute('data-unset', 'true');
  });

  it('a required picker has no "None" choice', async () => {
    const list = await renderPicker({ resourceType: 'ingress-class' }, 'Ingress class');
    expect(list.queryByText(NONE_LABEL)).toBeNull();
  });
});
