import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabDomainPicker, HomelabDomainPickerUiOptions } from './HomelabDomainPicker';

async function options(uiOptions?: HomelabDomainPickerUiOptions) {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities: exampleCatalog })]]}>
      <FieldHarness Field={HomelabDomainPicker} name="domain" title="Domain" uiOptions={uiOptions} />
    </TestApiProvider>,
  );
  const select = await screen.findByRole('button', { name: /Domain/ });
  await screen.findByText('The domain (app group of the GitOps repo) the app goes in.');
  await new Promise(r => setTimeout(r, 0));
  fireEvent.mouseDown(select);
  return within(await screen.findByRole('listbox'))
    .getAllByRole('option')
    .map(o => o.textContent);
}

describe('HomelabDomainPicker', () => {
  it('offers the app domains, not the platform one', async () => {
    expect(await options()).toEqual(['media', 'web']);
  });
  it('offers every domain for platform templates, minus the excluded ones', async () => {
    expect(await options({ appDomainsOnly: false, exclude: ['web'] })).toEqual(['media', 'platform']);
  });
});
