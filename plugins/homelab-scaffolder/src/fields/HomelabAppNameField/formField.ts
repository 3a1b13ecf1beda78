import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabAppNameField } from './HomelabAppNameField';
import { homelabAppNameValidation } from './validation';

/** The `HomelabAppNameField` form field. */
export const homelabAppNameFormField = createFormField({
  name: HomelabFieldNames.appName,
  component: HomelabAppNameField,
  validation: homelabAppNameValidation,
});
