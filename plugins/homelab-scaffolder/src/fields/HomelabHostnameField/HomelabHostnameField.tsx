import { useEffect, useRef } from 'react';
import { TextField } from '@material-ui/core';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { findHostClash, validateAppName, validateHostname } from '@internal/plugin-homelab-scaffolder-common';
import { useCatalogEntities } from '../../hooks/useCatalogEntities';
import { CatalogLoadError } from '../CatalogLoadError';
import { baseDomainOf } from './baseDomainOf';

/** `ui:options` of `HomelabHostnameField`. */
export interface HomelabHostnameUiOptions {
  /** The base domain hosts must end in; learned from the catalog when absent. */
  baseDomain?: string;
  /** The form field holding the app name, suggested as `<name>.<base domain>` (default `name`). */
  nameField?: string;
}

/**
 * The ingress host of the new app: inside the base domain, not served by
 * another app yet. Follows the app name (`<name>.<base domain>`) until the
 * user types a host of their own.
 */
export function HomelabHostnameField(props: FieldExtensionComponentProps<string, HomelabHostnameUiOptions>) {
  const { formData, onChange, required, schema, uiSchema, rawErrors, idSchema, formContext, disabled, readonly } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const components = useCatalogEntities({ kind: 'Component' });
  const baseDomain = baseDomainOf(options.baseDomain, components.entities);
  const name = formContext?.formData?.[options.nameField ?? 'name'];
  const suggestion =
    baseDomain && typeof name === 'string' && name && !validateAppName(name) ? `${name}.${baseDomain}` : undefined;

  const lastSuggestion = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (suggestion && (!formData || formData === lastSuggestion.current)) {
      lastSuggestion.current = suggestion;
      if (formData !== suggestion) onChange(suggestion);
    }
  }, [suggestion, formData, onChange]);

  const value = formData ?? '';
  const problem = value
    ? validateHostname(value, baseDomain) ?? findHostClash(value, components.entities)?.message
    : undefined;
  const hint = baseDomain
    ? `A host inside ${baseDomain}${options.baseDomain ? '' : ' (the base domain of the existing apps)'}.`
    : 'The host the app is served at.';
  return (
    <>
      <TextField
        id={idSchema?.$id}
        label={schema.title ?? 'Host name'}
        value={value}
        onChange={e => onChange(e.target.value)}
        required={required}
        disabled={disabled || readonly}
        error={Boolean(problem) || (rawErrors?.length ?? 0) > 0}
        helperText={problem ?? schema.description ?? hint}
        inputProps={{ spellCheck: false, autoCapitalize: 'off' }}
        fullWidth
        margin="normal"
        variant="outlined"
      />
      <CatalogLoadError error={components.error} what="the existing hosts" />
    </>
  );
}
