import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN, validateAppName } from './appNameRule';
import { HOSTNAME_MAX_LENGTH, HOSTNAME_PATTERN, validateHostname } from './hostnameRule';
import { IMAGE_REFERENCE_MAX_LENGTH, IMAGE_REFERENCE_PATTERN, validateImageReference } from './imageReferenceRule';
import { SINGLE_LINE_TEXT_MAX_LENGTH, SINGLE_LINE_TEXT_PATTERN, validateSingleLineText } from './singleLineTextRule';

/**
 * One rule of the app form, in both forms: the JSON-schema `pattern` and
 * `maxLength` a template repeats (the scaffolder backend checks them before a
 * task or dry-run starts), and the validator that explains a refusal.
 *
 * @public
 */
export interface HomelabFieldRule {
  pattern: string;
  maxLength: number;
  validate(value: string): string | undefined;
}

/**
 * The field rules of the app form. Tests hold the pattern and the validator
 * of each rule to the same verdict on a table of good and hostile inputs.
 *
 * @public
 */
export const HomelabFieldRules = {
  /** An app name: a DNS-1123 label of at most 63 characters. */
  appName: { pattern: APP_NAME_PATTERN, maxLength: APP_NAME_MAX_LENGTH, validate: validateAppName },
  /** A host name (the base-domain check needs the learned base domain: validateHostname). */
  hostname: { pattern: HOSTNAME_PATTERN, maxLength: HOSTNAME_MAX_LENGTH, validate: (v: string) => validateHostname(v) },
  /** An image reference pinned by a tag other than latest, or a digest. */
  image: { pattern: IMAGE_REFERENCE_PATTERN, maxLength: IMAGE_REFERENCE_MAX_LENGTH, validate: validateImageReference },
  /** Free text that stays one plain line (a description). */
  singleLineText: {
    pattern: SINGLE_LINE_TEXT_PATTERN,
    maxLength: SINGLE_LINE_TEXT_MAX_LENGTH,
    validate: validateSingleLineText,
  },
} satisfies Record<string, HomelabFieldRule>;
