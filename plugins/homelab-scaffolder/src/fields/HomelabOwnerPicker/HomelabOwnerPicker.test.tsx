import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabOwnerPicker } from './HomelabOwnerPicker';

describe('HomelabOwnerPicker', () => {
  it('starts as the signed-in user and offers the groups', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock({ entities: exampleCatalog })],
          [identityApiRef, mockApis.identity({ userEntityRef: 'user:default/friend' })],
        ]}
      >
        <FieldHarness Field={HomelabOwnerPicker} name="owner" title="Owner" />
      </TestApiProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('user:default/friend'));
    fireEvent.mouseDown(screen.getByRole('button', { name: /Owner/ }));
    const list = within(await screen.findByRole('listbox'));
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual(['friend (user) · you', 'admins (group)']);
    fireEvent.click(list.getByText('admins (group)'));
    expect(screen.getByTestId('value')).toHaveTextContent('group:default/admins');
  });
});
