/**
 * The `ui:field` names of the homelab form fields, as templates spell them.
 *
 * @public
 */
export const HomelabFieldNames = {
  appName: 'HomelabAppNameField',
  hostname: 'HomelabHostnameField',
  image: 'HomelabImageField',
  resource: 'HomelabResourcePicker',
  domain: 'HomelabDomainPicker',
  owner: 'HomelabOwnerPicker',
  reviewPreview: 'HomelabReviewPreview',
} as const;
