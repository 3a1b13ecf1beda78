import { APP_NAME_PATTERN } from './appNameRule';
import { quoteForMessage as preview } from './quoteForMessage';

const LABEL = APP_NAME_PATTERN.slice(1, -1);

/**
 * Any lowercase fully qualified host name: DNS-1123 labels joined by dots.
 * The base-domain check needs the base domain, which is learned from the
 * repo at run time: {@link hostnamePatternFor} builds that pattern.
 *
 * @public
 */
export const HOSTNAME_PATTERN = `^(?=.{1,253}$)(${LABEL}\\.)+${LABEL}$`;

/** @public */
export const HOSTNAME_MAX_LENGTH = 253;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of a host name inside `baseDomain` (one or more labels in
 * front of it; the base domain itself is not an app's host).
 *
 * @public
 */
export function hostnamePatternFor(baseDomain: string): string {
  return `^(?=.{1,253}$)(${LABEL}\\.)+${escapeRegExp(baseDomain.toLowerCase())}$`;
}

/**
 * Why `value` cannot be the host of a new app under `baseDomain`, or
 * undefined when it can. Without a base domain only the host name syntax is
 * checked.
 *
 * @public
 */
export function validateHostname(value: string, baseDomain?: string): string | undefined {
  if (value.length === 0) return 'Enter a host name.';
  if (value.length > HOSTNAME_MAX_LENGTH) return `The host name is ${value.length} characters long; at most ${HOSTNAME_MAX_LENGTH}.`;
  if (!new RegExp(HOSTNAME_PATTERN).test(value)) {
    if (/[/\\:]/.test(value)) return `"${preview(value)}" is not a host name: no scheme, port or path, only e.g. app.example.org.`;
    if (new RegExp(HOSTNAME_PATTERN).test(value.toLowerCase())) return `"${preview(value)}" has capital letters; use lowercase (${value.toLowerCase()}).`;
    return `"${preview(value)}" is not a host name: dot-separated labels of lowercase letters, digits and "-".`;
  }
  if (baseDomain && !new RegExp(hostnamePatternFor(baseDomain)).test(value)) {
    return `"${preview(value)}" is outside the base domain ${baseDomain}; use a name like <app>.${baseDomain}.`;
  }
  return undefined;
}
