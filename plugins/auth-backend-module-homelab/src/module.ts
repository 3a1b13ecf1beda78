import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { devIdentityAuthenticator } from './devIdentity/devIdentityAuthenticator';
import { signInAsDevIdentity } from './devIdentity/signInAsDevIdentity';
import { assertNoGuestInProduction } from './startup/assertNoGuestInProduction';

/**
 * Refuses guest sign-in in production (failing the auth plugin, hence the
 * backend's startup) and, in development, offers a friend guest next to the
 * stock (admin) guest.
 */
export const authModuleHomelab = createBackendModule({
  pluginId: 'auth',
  moduleId: 'homelab',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        providers: authProvidersExtensionPoint,
      },
      async init({ config, providers }) {
        assertNoGuestInProduction(config, process.env.NODE_ENV);
        const friendGuest = config.getOptionalConfig(
          'auth.providers.guest-friend',
        );
        if (friendGuest) {
          providers.registerProvider({
            providerId: 'guest-friend',
            factory: createProxyAuthProviderFactory({
              authenticator: devIdentityAuthenticator,
              signInResolver: signInAsDevIdentity(friendGuest),
            }),
          });
        }
      },
    });
  },
});
