import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { FieldHarness } from '../../testing/FieldHarness';
import { exampleCatalog } from '../../testing/exampleCatalog';
import { HomelabAppNameField } from './HomelabAppNameField';
import { homelabAppNameValidation } from './validation';

const catalogApi = catalogApiMock({ entities: exampleCatalog });

async function renderField() {
  await renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <FieldHarness Field={HomelabAppNameField} name="name" title="Name" />
    </TestApiProvider>,
  );
  return screen.getByLabelText(/Name/);
}

describe('HomelabAppNameField', () => {
  it('explains a bad name as the user types', async () => {
    const input = await renderField();
    fireEvent.change(input, { target: { value: 'Photos' } });
    expect(screen.getByText('"Photos" has capital letters; use lowercase (photos).')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: '../photos' } });
    expect(screen.getByText('"../photos" looks like a path; a name is one DNS label, no "/" or "..".')).toBeInTheDocument();
  });

  it('names the existing app a name clashes with', async () => {
    const input = await renderField();
    fireEvent.change(input, { target: { value: 'jellyfin' } });
    expect(
      await screen.findByText(
        'An app named "jellyfin" already exists: component:default/jellyfin in cluster/apps/media/jellyfin. Pick another name.',
      ),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
  });

  it('accepts a free DNS-1123 name', async () => {
    const input = await renderField();
    fireEvent.change(input, { target: { value: 'photos' } });
    await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('photos'));
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByText('Lowercase letters, digits and "-", at most 63 characters.')).toBeInTheDocument();
  });
});

describe('homelabAppNameValidation', () => {
  const validate = async (value: string) => {
    const errors: string[] = [];
    await homelabAppNameValidation(value, { addError: (m: string) => errors.push(m) } as any, {
      apiHolder: { get: (ref: { id: string }) => (ref.id === catalogApiRef.id ? catalogApi : undefined) } as any,
      formData: {},
      schema: {},
    });
    return errors;
  };

  it('refuses bad and clashing names when the page is submitted', async () => {
    expect(await validate('a_b')).toEqual(['"a_b" is not a DNS-1123 label: use only lowercase letters, digits and "-".']);
    expect(await validate('immich')).toEqual([
      'An app named "immich" already exists: component:default/immich in cluster/apps/media/immich. Pick another name.',
    ]);
    expect(await validate('photos')).toEqual([]);
  });
});
