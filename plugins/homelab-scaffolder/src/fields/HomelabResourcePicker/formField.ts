import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabResourcePicker } from './HomelabResourcePicker';
import { homelabResourceValidation } from './validation';

/** The `HomelabResourcePicker` form field. */
export const homelabResourceFormField = createFormField({
  name: HomelabFieldNames.resource,
  component: HomelabResourcePicker,
  validation: homelabResourceValidation,
});
