import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabHostnameField, HomelabHostnameUiOptions } from './HomelabHostnameField';

async function renderField(uiOptions?: HomelabHostnameUiOptions, name = 'photos') {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities: exampleCatalog })]]}>
      <FieldHarness Field={HomelabHostnameField} name="hostname" title="Host name" uiOptions={uiOptions} otherValues={{ name }} />
    </TestApiProvider>,
  );
}

describe('HomelabHostnameField', () => {
  it('learns the base domain from the existing hosts and suggests <name>.<base domain>', async () => {
    await renderField();
    expect(await screen.findByDisplayValue('photos.homelab.example')).toBeInTheDocument();
    expect(screen.getByText('A host inside homelab.example (the base domain of the existing apps).')).toBeInTheDocument();
  });

  it('refuses a host outside the base domain and one another app serves', async () => {
    await renderField();
    const input = await screen.findByDisplayValue('photos.homelab.example');
    fireEvent.change(input, { target: { value: 'photos.evil.org' } });
    expect(
      screen.getByText('"photos.evil.org" is outside the base domain homelab.example; use a name like <app>.homelab.example.'),
    ).toBeInTheDocument();
    fireEvent.change(input, { target: { value: 'immich.homelab.example' } });
    expect(
      screen.getByText('immich.homelab.example is already served by component:default/immich. Pick another host name.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('value')).toHaveTextContent('immich.homelab.example');
  });

  it('takes the base domain from ui:options over the learned one', async () => {
    await renderField({ baseDomain: 'apps.example.org' });
    expect(await screen.findByDisplayValue('photos.apps.example.org')).toBeInTheDocument();
    expect(screen.getByText('A host inside apps.example.org.')).toBeInTheDocument();
  });
});
