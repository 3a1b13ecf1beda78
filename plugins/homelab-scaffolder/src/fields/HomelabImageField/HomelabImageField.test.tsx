import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { HomelabImageField } from './HomelabImageField';

async function renderField(formData: string | undefined, onChange: (v: string | undefined) => void) {
  const props = {
    name: 'image',
    formData,
    onChange,
    schema: { type: 'string', title: 'Image' },
    uiSchema: {},
    idSchema: { $id: 'root_image' },
    rawErrors: [],
    required: false,
  } as unknown as FieldExtensionComponentProps<string>;
  await renderInTestApp(<HomelabImageField {...props} />);
  return screen.getByLabelText(/Image/);
}

describe('HomelabImageField', () => {
  it('explains an image tagged latest', async () => {
    await renderField('ghcr.io/example/app:latest', () => {});
    expect(screen.getByText('"ghcr.io/example/app:latest" uses the tag latest; pin a version (e.g. :1.2.3) or a digest.')).toBeInTheDocument();
  });

  it('stores a typed image without surrounding spaces, and nothing once cleared', async () => {
    const changes: Array<string | undefined> = [];
    const input = await renderField('ghcr.io/example/app:1.0', v => changes.push(v));
    fireEvent.change(input, { target: { value: ' ghcr.io/example/app:1.1 ' } });
    fireEvent.change(input, { target: { value: '' } });
    expect(changes).toEqual(['ghcr.io/example/app:1.1', undefined]);
  });
});
