import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabOwnerPicker } from './HomelabOwnerPicker';

/** The `HomelabOwnerPicker` form field. */
export const homelabOwnerFormField = createFormField({
  name: HomelabFieldNames.owner,
  component: HomelabOwnerPicker,
});
