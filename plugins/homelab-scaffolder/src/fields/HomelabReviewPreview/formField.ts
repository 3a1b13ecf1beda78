import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { HomelabFieldNames } from '@internal/plugin-homelab-scaffolder-common';
import { HomelabReviewPreview } from './HomelabReviewPreview';

/** The `HomelabReviewPreview` form field. */
export const homelabReviewPreviewFormField = createFormField({
  name: HomelabFieldNames.reviewPreview,
  component: HomelabReviewPreview,
});
