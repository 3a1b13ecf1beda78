import { quoteForMessage as preview } from './quoteForMessage';

/**
 * A Kubernetes object name that is also a DNS label (RFC 1123): what a
 * Deployment, Service, namespace entry and app directory of a new app are
 * named after. The length limit is part of the pattern, so a JSON-schema
 * `pattern` alone refuses a 64-character name.
 *
 * @public
 */
export const APP_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';

/** @public */
export const APP_NAME_MAX_LENGTH = 63;

const appName = new RegExp(APP_NAME_PATTERN);

/**
 * Why `value` cannot name an app, or undefined when it can. The message says
 * what to change, so it can be shown under the field as the user types.
 *
 * @public
 */
export function validateAppName(value: string): string | undefined {
  if (value.length === 0) return 'Enter a name.';
  if (value.length > APP_NAME_MAX_LENGTH) {
    return `"${preview(value)}" is ${value.length} characters long; a name has at most ${APP_NAME_MAX_LENGTH}.`;
  }
  if (appName.test(value)) return undefined;
  if (/[/\\]/.test(value) || value.includes('..')) {
    return `"${preview(value)}" looks like a path; a name is one DNS label, no "/" or "..".`;
  }
  if (appName.test(value.toLowerCase())) return `"${preview(value)}" has capital letters; use lowercase (${value.toLowerCase()}).`;
  if (/^-|-$/.test(value)) return `"${preview(value)}" starts or ends with "-"; start and end with a letter or digit.`;
  return `"${preview(value)}" is not a DNS-1123 label: use only lowercase letters, digits and "-".`;
}
