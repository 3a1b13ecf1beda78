import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import type { HomelabResourcePickerUiOptions } from './HomelabResourcePicker';

/** Refuses a value that names no Resource of the picker's type. */
export const homelabResourceValidation: CustomFieldValidator<string, HomelabResourcePickerUiOptions> = async (
  value,
  validation,
  { apiHolder, uiSchema },
) => {
  const resourceType = uiSchema?.['ui:options']?.resourceType;
  const catalogApi = apiHolder.get(catalogApiRef);
  if (!value || !resourceType || !catalogApi) return;
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Resource', 'spec.type': resourceType, [`metadata.annotations.${HomelabAnnotations.k8sName}`]: value },
  });
  if (items.length === 0) validation.addError(`"${value}" is no ${resourceType} in the catalog.`);
};
