import { quoteForMessage as preview } from './quoteForMessage';

// The grammar of github.com/distribution/reference, as a regex: an optional
// registry (host[:port]), one or more lowercase path components, then a tag,
// a digest or both. The tag may not be `latest`: a pinned image is one of the
// repo's conventions.
const REGISTRY_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const REGISTRY = `${REGISTRY_COMPONENT}(?:\\.${REGISTRY_COMPONENT})*(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const NAME = `(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '(?!latest(?:@|$))[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/**
 * A container image reference pinned by a tag other than `latest`, by a
 * digest, or both.
 *
 * @public
 */
export const IMAGE_REFERENCE_PATTERN = `^${NAME}(?::${TAG}(?:@${DIGEST})?|@${DIGEST})$`;

/** @public */
export const IMAGE_REFERENCE_MAX_LENGTH = 255;

/**
 * Why `value` is not a pinned image reference, or undefined when it is.
 *
 * @public
 */
export function validateImageReference(value: string): string | undefined {
  if (value.length === 0) return 'Enter an image, e.g. ghcr.io/owner/app:1.2.3.';
  if (value.length > IMAGE_REFERENCE_MAX_LENGTH) {
    return `The image reference is ${value.length} characters long; at most ${IMAGE_REFERENCE_MAX_LENGTH}.`;
  }
  if (new RegExp(IMAGE_REFERENCE_PATTERN).test(value)) return undefined;
  const withoutDigest = value.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
  if (tag === 'latest') return `"${preview(value)}" uses the tag latest; pin a version (e.g. :1.2.3) or a digest.`;
  if (tag === undefined && !value.includes('@') && new RegExp(`^${NAME}$`).test(value)) {
    return `"${preview(value)}" has no tag; pin a version (e.g. ${value}:1.2.3) or a digest.`;
  }
  return `"${preview(value)}" is not an image reference like registry/owner/app:1.2.3 (lowercase repository path).`;
}
