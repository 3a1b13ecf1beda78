import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import {
  configApiRef,
  discoveryApiRef,
  oauthRequestApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { OAuth2 } from '@backstage/core-app-api';
import { SignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/core-plugin-api';
import { signInProvidersFromConfig } from './SignInProviders';
import { guestFriendAuthApiRef, oidcAuthApiRef } from './authApiRefs';
import { ProxiedSessionAuthApi } from './ProxiedSessionAuthApi';

function ConfiguredSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const providers = signInProvidersFromConfig(
    config.getOptionalStringArray('homelab.signInProviders'),
  );
  return <SignInPage {...props} providers={providers} />;
}

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => ConfiguredSignInPage,
  },
});

const guestFriendAuthApi = ApiBlueprint.make({
  name: 'guest-friend-auth',
  params: define =>
    define({
      api: guestFriendAuthApiRef,
      deps: { discoveryApi: discoveryApiRef },
      factory: ({ discoveryApi }) =>
        new ProxiedSessionAuthApi({ discoveryApi, provider: 'guest-friend' }),
    }),
});

const oidcAuthApi = ApiBlueprint.make({
  name: 'oidc-auth',
  params: define =>
    define({
      api: oidcAuthApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        oauthRequestApi: oauthRequestApiRef,
        configApi: configApiRef,
      },
      factory: ({ discoveryApi, oauthRequestApi, configApi }) =>
        OAuth2.create({
          configApi,
          discoveryApi,
          oauthRequestApi,
          provider: { id: 'oidc', title: 'Single sign-on', icon: () => null },
          environment: configApi.getOptionalString('auth.environment'),
          defaultScopes: ['openid', 'profile', 'email', 'offline_access'],
        }),
    }),
});

/**
 * The sign-in page with the configured providers, and the auth APIs of the
 * two the stock app lacks: the dev-only friend guest and generic OIDC.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, guestFriendAuthApi, oidcAuthApi],
});
