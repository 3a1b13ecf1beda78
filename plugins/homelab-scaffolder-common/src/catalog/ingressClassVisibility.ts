/**
 * Whether an ingress class exposes an app to the internet or keeps it on the
 * restricted (LAN/VPN) side.
 *
 * @public
 */
export type IngressVisibility = 'public' | 'restricted';

const RESTRICTED_WORDS = ['restricted', 'internal', 'private', 'lan', 'vpn', 'intranet'];

/**
 * The visibility of the ingress class named `name`: `overrides` (from the
 * template's `ui:options`) first, else restricted when a dash- or
 * dot-separated word of the name says so (`haproxy-restricted`,
 * `nginx-internal`), else public.
 *
 * @public
 */
export function ingressClassVisibility(
  name: string,
  overrides: Record<string, IngressVisibility> = {},
): IngressVisibility {
  if (overrides[name]) return overrides[name];
  const words = name.toLowerCase().split(/[-_.]/);
  return words.some(w => RESTRICTED_WORDS.includes(w)) ? 'restricted' : 'public';
}
