import { TextField } from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { validateImageReference } from '@internal/plugin-homelab-scaffolder-common';

/** The container image of the new app: a reference pinned by a tag other than `latest`, or a digest. */
export function HomelabImageField(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, required, schema, rawErrors, idSchema, disabled, readonly } = props;
  const value = formData ?? '';
  const problem = value ? validateImageReference(value) : undefined;
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Image'}
      value={value}
      placeholder="ghcr.io/owner/app:1.2.3"
      // Cleared means unset, so an optional image (the Ray template's) is not held to the pattern.
      onChange={e => onChange(e.target.value.trim() || undefined)}
      required={required}
      disabled={disabled || readonly}
      error={Boolean(problem) || (rawErrors?.length ?? 0) > 0}
      helperText={problem ?? schema.description ?? 'A pinned image: registry/owner/app:1.2.3 or …@sha256:…; not latest.'}
      inputProps={{ spellCheck: false, autoCapitalize: 'off' }}
      fullWidth
      margin="normal"
      variant="outlined"
    />
  );
}
