import { TextField } from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { findAppNameClash, validateAppName } from '@internal/plugin-homelab-scaffolder-common';
import { useCatalogEntities } from '../../hooks/useCatalogEntities';
import { CatalogLoadError } from '../CatalogLoadError';

/**
 * The new app's name: a DNS-1123 label, checked as the user types, and not
 * the name of an existing Component.
 */
export function HomelabAppNameField(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, required, schema, rawErrors, idSchema, disabled, readonly } = props;
  const components = useCatalogEntities({ kind: 'Component' });
  const value = formData ?? '';
  const problem = value
    ? validateAppName(value) ?? findAppNameClash(value, components.entities)?.message
    : undefined;
  return (
    <>
      <TextField
        id={idSchema?.$id}
        label={schema.title ?? 'Name'}
        value={value}
        onChange={e => onChange(e.target.value)}
        required={required}
        disabled={disabled || readonly}
        error={Boolean(problem) || (rawErrors?.length ?? 0) > 0}
        helperText={problem ?? schema.description ?? 'Lowercase letters, digits and "-", at most 63 characters.'}
        inputProps={{ spellCheck: false, autoCapitalize: 'off', 'aria-describedby': `${idSchema?.$id}-helper-text` }}
        fullWidth
        margin="normal"
        variant="outlined"
      />
      <CatalogLoadError error={components.error} what="the existing apps" />
    </>
  );
}
