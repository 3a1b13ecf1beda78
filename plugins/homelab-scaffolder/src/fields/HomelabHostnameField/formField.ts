import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabHostnameField } from './HomelabHostnameField';
import { homelabHostnameValidation } from './validation';

/** The `HomelabHostnameField` form field. */
export const homelabHostnameFormField = createFormField({
  name: HomelabFieldNames.hostname,
  component: HomelabHostnameField,
  validation: homelabHostnameValidation,
});
