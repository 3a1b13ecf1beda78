import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabDomainPicker } from './HomelabDomainPicker';

/** The `HomelabDomainPicker` form field. */
export const homelabDomainFormField = createFormField({
  name: HomelabFieldNames.domain,
  component: HomelabDomainPicker,
});
