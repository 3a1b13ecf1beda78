export interface Config {
  homelab?: {
    /**
     * Sign-in options shown on the sign-in page. Each must also be enabled
     * as an auth provider in the backend (auth.providers.<id>).
     * Default: ['guest'], for the embedded default only.
     * @visibility frontend
     */
    signInProviders?: Array<'guest' | 'guest-friend' | 'github' | 'oidc'>;
  };
}
