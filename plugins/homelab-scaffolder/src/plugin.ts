import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

const appNameField = FormFieldBlueprint.make({
  name: 'homelab-app-name',
  params: { field: () => import('./fields/HomelabAppNameField/formField').then(m => m.homelabAppNameFormField) },
});
const hostnameField = FormFieldBlueprint.make({
  name: 'homelab-hostname',
  params: { field: () => import('./fields/HomelabHostnameField/formField').then(m => m.homelabHostnameFormField) },
});
const imageField = FormFieldBlueprint.make({
  name: 'homelab-image',
  params: { field: () => import('./fields/HomelabImageField/formField').then(m => m.homelabImageFormField) },
});
const resourcePicker = FormFieldBlueprint.make({
  name: 'homelab-resource-picker',
  params: { field: () => import('./fields/HomelabResourcePicker/formField').then(m => m.homelabResourceFormField) },
});
const domainPicker = FormFieldBlueprint.make({
  name: 'homelab-domain-picker',
  params: { field: () => import('./fields/HomelabDomainPicker/formField').then(m => m.homelabDomainFormField) },
});
const ownerPicker = FormFieldBlueprint.make({
  name: 'homelab-owner-picker',
  params: { field: () => import('./fields/HomelabOwnerPicker/formField').then(m => m.homelabOwnerFormField) },
});
const reviewPreview = FormFieldBlueprint.make({
  name: 'homelab-review-preview',
  params: {
    field: () => import('./fields/HomelabReviewPreview/formField').then(m => m.homelabReviewPreviewFormField),
  },
});

/**
 * Form fields of the homelab app templates, attached to the scaffolder's
 * form-fields API.
 *
 * @public
 */
export const homelabScaffolderPlugin = createFrontendPlugin({
  pluginId: 'homelab-scaffolder',
  extensions: [appNameField, hostnameField, imageField, resourcePicker, domainPicker, ownerPicker, reviewPreview],
});
