import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { SignInPage } from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/core-plugin-api';
import { signInProvidersFromConfig } from './SignInProviders';

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

/** Replaces the app's guest-only sign-in page with the configured providers. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
