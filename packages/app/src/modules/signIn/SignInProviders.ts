import { githubAuthApiRef } from '@backstage/core-plugin-api';
import type { IdentityProviders } from '@backstage/core-components';
import { guestFriendAuthApiRef, oidcAuthApiRef } from './authApiRefs';

const KNOWN: Record<string, IdentityProviders[number]> = {
  // The stock guest card ("Enter"): the admin guest of the embedded default.
  guest: 'guest',
  'guest-friend': {
    id: 'guest-friend-auth-provider',
    title: 'Guest (friend)',
    message: 'Try the portal as a friend: read everything, create apps in your domains',
    apiRef: guestFriendAuthApiRef,
  },
  github: {
    id: 'github-auth-provider',
    title: 'GitHub',
    message: 'Sign in with your GitHub account',
    apiRef: githubAuthApiRef,
  },
  oidc: {
    id: 'oidc-auth-provider',
    title: 'Single sign-on',
    message: 'Sign in with the homelab identity provider (Authentik, Keycloak)',
    apiRef: oidcAuthApiRef,
  },
};

/**
 * Maps the configured provider ids to sign-in page entries. Unknown ids are
 * an operator error that would otherwise show an empty sign-in page, so they
 * fail loudly.
 */
export function signInProvidersFromConfig(ids: string[] | undefined): IdentityProviders {
  const wanted = ids && ids.length > 0 ? ids : ['guest'];
  return wanted.map(id => {
    const provider = KNOWN[id];
    if (!provider) {
      throw new Error(
        `homelab.signInProviders lists "${id}", which the portal does not know; use one of: ${Object.keys(KNOWN).join(', ')}`,
      );
    }
    return provider;
  });
}
