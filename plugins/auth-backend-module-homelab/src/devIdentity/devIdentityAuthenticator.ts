import { NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/**
 * A proxy authenticator that authenticates nobody in particular: every
 * request is the configured identity. Only in development, like the stock
 * guest provider; production never gets this far (see
 * assertNoGuestInProduction).
 */
export const devIdentityAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize() {
    return { disabled: process.env.NODE_ENV !== 'development' };
  },
  async authenticate(_, { disabled }) {
    if (disabled) {
      throw new NotAllowedError(
        'The friend guest identity is for development only (NODE_ENV=development)',
      );
    }
    return { result: {} };
  },
});
