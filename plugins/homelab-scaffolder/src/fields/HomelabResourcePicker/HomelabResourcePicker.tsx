import { Box, Chip, MenuItem, TextField, Typography } from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { IngressVisibility } from '@internal/plugin-homelab-scaffolder-common';
import { useCatalogEntities } from '../../hooks/useCatalogEntities';
import { CatalogLoadError } from '../CatalogLoadError';
import { resourceOptions } from './resourceOptions';

/** `ui:options` of `HomelabResourcePicker`. */
export interface HomelabResourcePickerUiOptions {
  /** The Resource `spec.type` to pick from, e.g. `postgres-cluster`, `cache`, `storage-class`, `ingress-class`. */
  resourceType: string;
  /** For ingress classes: public or restricted per class name, where the class name does not say. */
  ingressVisibility?: Record<string, IngressVisibility>;
}

/** The choice of an optional picker that leaves the field unset. */
export const NONE_LABEL = 'None (repo default)';

/**
 * Picks an existing Resource of one type from the catalog and stores the
 * name of its Kubernetes object (`homelab.dev/k8s-name`). An optional
 * field also offers "None (repo default)", which clears the value again.
 */
export function HomelabResourcePicker(props: FieldExtensionComponentProps<string, HomelabResourcePickerUiOptions>) {
  const { formData, onChange, required, schema, uiSchema, rawErrors, idSchema, disabled, readonly } = props;
  const options = uiSchema?.['ui:options'];
  const resourceType = options?.resourceType ?? '';
  const resources = useCatalogEntities({ kind: 'Resource', 'spec.type': resourceType });
  const choices = resourceOptions(resources.entities, options?.ingressVisibility);
  const unknown = Boolean(formData) && !resources.loading && !choices.some(c => c.value === formData);
  const empty = !resources.loading && !resources.error && choices.length === 0;
  let helperText = schema.description ?? `One of the catalog's ${resourceType} resources.`;
  if (!resourceType) helperText = 'The template sets no ui:options.resourceType for this field.';
  else if (unknown) helperText = `"${formData}" is no ${resourceType} in the catalog.`;
  else if (empty) helperText = `The catalog has no ${resourceType} yet.`;
  return (
    <>
      <TextField
        id={idSchema?.$id}
        select
        label={schema.title ?? resourceType}
        value={choices.some(c => c.value === formData) ? formData : ''}
        // The empty choice clears the value, so the template's default applies again.
        onChange={e => onChange((e.target.value as string) || undefined)}
        required={required}
        disabled={disabled || readonly || resources.loading}
        error={unknown || !resourceType || (rawErrors?.length ?? 0) > 0}
        helperText={helperText}
        fullWidth
        margin="normal"
        variant="outlined"
      >
        {!required && (
          <MenuItem value="">
            <Typography variant="body1" component="span" color="textSecondary">
              {NONE_LABEL}
            </Typography>
          </MenuItem>
        )}
        {choices.map(choice => (
          <MenuItem key={choice.entityRef} value={choice.value}>
            <Box display="flex" alignItems="center" width="100%">
              <Box flexGrow={1}>
                <Typography variant="body1" component="span">
                  {choice.value}
                </Typography>
                {choice.namespace && (
                  <Typography variant="body2" color="textSecondary" component="span">
                    {` in ${choice.namespace}`}
                  </Typography>
                )}
              </Box>
              {choice.visibility && (
                <Chip
                  size="small"
                  label={choice.visibility}
                  color={choice.visibility === 'public' ? 'secondary' : 'default'}
                  variant={choice.visibility === 'public' ? 'default' : 'outlined'}
                />
              )}
            </Box>
          </MenuItem>
        ))}
      </TextField>
      <CatalogLoadError error={resources.error} what={`the ${resourceType} resources`} />
    </>
  );
}
