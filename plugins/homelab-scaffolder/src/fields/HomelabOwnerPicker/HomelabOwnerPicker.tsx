import { useEffect, useState } from 'react';
import { MenuItem, TextField } from '@material-ui/core';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useCatalogEntities } from '../../hooks/useCatalogEntities';
import { CatalogLoadError } from '../CatalogLoadError';

const label = (ref: string) => {
  const { kind, name } = parseEntityRef(ref);
  return `${name} (${kind.toLowerCase()})`;
};

/**
 * The owner of the new app, a User or Group of the catalog, stored as an
 * entity ref. Starts as the signed-in user, so a friend who creates an app
 * owns it unless they pick a group.
 */
export function HomelabOwnerPicker(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, required, schema, rawErrors, idSchema, disabled, readonly } = props;
  const identityApi = useApi(identityApiRef);
  const [signedIn, setSignedIn] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    identityApi
      .getBackstageIdentity()
      .then(identity => !cancelled && setSignedIn(identity.userEntityRef))
      // Without an identity there is no default; the list still offers everyone.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [identityApi]);
  useEffect(() => {
    if (!formData && signedIn) onChange(signedIn);
  }, [formData, signedIn, onChange]);

  const owners = useCatalogEntities({ kind: ['User', 'Group'] });
  const refs = owners.entities.map(e => stringifyEntityRef(e));
  for (const extra of [signedIn, formData]) {
    if (extra && !refs.includes(extra)) refs.push(extra);
  }
  // The signed-in user first, then everyone else by ref.
  refs.sort((a, b) => Number(b === signedIn) - Number(a === signedIn) || a.localeCompare(b));
  return (
    <>
      <TextField
        id={idSchema?.$id}
        select
        label={schema.title ?? 'Owner'}
        value={formData ?? ''}
        onChange={e => onChange(e.target.value as string)}
        required={required}
        disabled={disabled || readonly}
        error={(rawErrors?.length ?? 0) > 0}
        helperText={schema.description ?? 'Who owns the app: you, or one of the groups.'}
        fullWidth
        margin="normal"
        variant="outlined"
      >
        {refs.map(ref => (
          <MenuItem key={ref} value={ref}>
            {label(ref)}
            {ref === signedIn ? ' · you' : ''}
          </MenuItem>
        ))}
      </TextField>
      <CatalogLoadError error={owners.error} what="users and groups" />
    </>
  );
}
