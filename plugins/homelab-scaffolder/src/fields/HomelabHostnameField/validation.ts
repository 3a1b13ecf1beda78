import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { findHostClash, validateHostname } from '@internal/plugin-homelab-scaffolder-common';
import type { HomelabHostnameUiOptions } from './HomelabHostnameField';
import { baseDomainOf } from './baseDomainOf';

/** Refuses a host outside the base domain, or one another app serves. */
export const homelabHostnameValidation: CustomFieldValidator<string, HomelabHostnameUiOptions> = async (
  value,
  validation,
  { apiHolder, uiSchema },
) => {
  if (!value) return;
  const catalogApi = apiHolder.get(catalogApiRef);
  const components = catalogApi ? (await catalogApi.getEntities({ filter: { kind: 'Component' } })).items : [];
  const problem =
    validateHostname(value, baseDomainOf(uiSchema?.['ui:options']?.baseDomain, components)) ??
    findHostClash(value, components)?.message;
  if (problem) validation.addError(problem);
};
