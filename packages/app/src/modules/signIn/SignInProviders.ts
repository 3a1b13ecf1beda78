import { githubAuthApiRef } from '@backstage/core-plugin-api';
import type { IdentityProviders } from '@backstage/core-components';

const KNOWN: Record<string, IdentityProviders[number]> = {
  guest: 'guest',
  github: {
    id: 'github-auth-provider',
    title: 'GitHub',
    message: 'Sign in with your GitHub account',
    apiRef: githubAuthApiRef,
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
