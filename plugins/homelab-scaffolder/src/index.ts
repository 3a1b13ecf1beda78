/**
 * Form fields of the homelab app templates and the dry-run review preview.
 *
 * @packageDocumentation
 */
export { homelabScaffolderPlugin as default } from './plugin';
export type { HomelabHostnameUiOptions } from './fields/HomelabHostnameField/HomelabHostnameField';
export type { HomelabResourcePickerUiOptions } from './fields/HomelabResourcePicker/HomelabResourcePicker';
export type { HomelabDomainPickerUiOptions } from './fields/HomelabDomainPicker/HomelabDomainPicker';
export type { HomelabReviewPreviewUiOptions } from './fields/HomelabReviewPreview/HomelabReviewPreview';
