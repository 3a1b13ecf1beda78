import { ComponentType, useState } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

/**
 * Renders a field extension the way the scaffolder form does: the value is
 * kept by the form and handed back, the other values come in formContext.
 */
export function FieldHarness<TOptions>({
  Field,
  name,
  title,
  initial,
  uiOptions,
  otherValues = {},
  required = true,
}: {
  Field: ComponentType<FieldExtensionComponentProps<string, TOptions>>;
  name: string;
  title: string;
  initial?: string;
  uiOptions?: TOptions;
  otherValues?: Record<string, unknown>;
  /** Whether the template lists the field as required (default true). */
  required?: boolean;
}) {
  const [value, setValue] = useState<string | undefined>(initial);
  const props = {
    name,
    formData: value,
    onChange: (v: string | undefined) => setValue(v),
    schema: { type: 'string', title },
    uiSchema: uiOptions ? { 'ui:options': uiOptions } : {},
    idSchema: { $id: `root_${name}` },
    rawErrors: [],
    required,
    formContext: { formData: { ...otherValues, [name]: value } },
  } as unknown as FieldExtensionComponentProps<string, TOptions>;
  return (
    <>
      <Field {...props} />
      <output data-testid="value" data-unset={value === undefined ? 'true' : undefined}>{value ?? ''}</output>
    </>
  );
}
