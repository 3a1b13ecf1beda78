import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { findAppNameClash, validateAppName } from '@internal/plugin-homelab-scaffolder-common';

/** Refuses a bad or clashing app name when the user leaves the page. */
export const homelabAppNameValidation: CustomFieldValidator<string> = async (value, validation, { apiHolder }) => {
  if (!value) return;
  const problem = validateAppName(value);
  if (problem) {
    validation.addError(problem);
    return;
  }
  const catalogApi = apiHolder.get(catalogApiRef);
  if (!catalogApi) return;
  const { items } = await catalogApi.getEntities({ filter: { kind: 'Component', 'metadata.name': value } });
  const clash = findAppNameClash(value, items);
  if (clash) validation.addError(clash.message);
};
