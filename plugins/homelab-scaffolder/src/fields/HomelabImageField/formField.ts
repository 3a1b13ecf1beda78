import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames, validateImageReference } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabImageField } from './HomelabImageField';

/** The `HomelabImageField` form field. */
export const homelabImageFormField = createFormField({
  name: HomelabFieldNames.image,
  component: HomelabImageField,
  validation: (value: string, validation) => {
    const problem = value ? validateImageReference(value) : undefined;
    if (problem) validation.addError(problem);
  },
});
