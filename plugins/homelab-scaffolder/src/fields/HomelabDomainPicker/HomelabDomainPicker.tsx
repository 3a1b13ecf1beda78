import { MenuItem, TextField } from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { appDomainNames } from '@internal/plugin-homelab-scaffolder-common';
import { useCatalogEntities } from '../../hooks/useCatalogEntities';
import { CatalogLoadError } from '../CatalogLoadError';

/** `ui:options` of `HomelabDomainPicker`. */
export interface HomelabDomainPickerUiOptions {
  /**
   * Offer only domains apps go in (default true): not those whose Components
   * are all platform components. False offers every Domain (platform templates).
   */
  appDomainsOnly?: boolean;
  /** Domain names never offered. */
  exclude?: string[];
}

/** Picks the Domain (the GitOps repo's app group) the new app goes in; stores its name. */
export function HomelabDomainPicker(props: FieldExtensionComponentProps<string, HomelabDomainPickerUiOptions>) {
  const { formData, onChange, required, schema, uiSchema, rawErrors, idSchema, disabled, readonly } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const domains = useCatalogEntities({ kind: 'Domain' });
  const systems = useCatalogEntities({ kind: 'System' });
  const components = useCatalogEntities({ kind: 'Component' });
  const loading = domains.loading || systems.loading || components.loading;
  const names = (
    options.appDomainsOnly === false
      ? domains.entities.map(d => d.metadata.name).sort()
      : appDomainNames(domains.entities, systems.entities, components.entities)
  ).filter(n => !(options.exclude ?? []).includes(n));
  return (
    <>
      <TextField
        id={idSchema?.$id}
        select
        label={schema.title ?? 'Domain'}
        value={formData && names.includes(formData) ? formData : ''}
        onChange={e => onChange(e.target.value as string)}
        required={required}
        disabled={disabled || readonly || loading}
        error={(rawErrors?.length ?? 0) > 0}
        helperText={schema.description ?? 'The domain (app group of the GitOps repo) the app goes in.'}
        fullWidth
        margin="normal"
        variant="outlined"
      >
        {names.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <CatalogLoadError error={domains.error ?? systems.error ?? components.error} what="the domains" />
    </>
  );
}
