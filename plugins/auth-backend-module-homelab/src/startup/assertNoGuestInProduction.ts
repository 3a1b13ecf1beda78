import { Config } from '@backstage/config';

/** The guest-style providers: anyone reaching the portal becomes that user. */
export const GUEST_PROVIDER_IDS = ['guest', 'guest-friend'];

/**
 * Refuses to let a production backend start with a guest-style sign-in
 * configured: in production anyone who can reach the URL would be signed in.
 * Throws naming each offending key and how to fix it.
 */
export function assertNoGuestInProduction(
  config: Config,
  nodeEnv: string | undefined,
): void {
  const production =
    nodeEnv === 'production' ||
    config.getOptionalString('auth.environment') === 'production';
  if (!production) {
    return;
  }
  const enabled = GUEST_PROVIDER_IDS.filter(id =>
    config.has(`auth.providers.${id}`),
  );
  if (enabled.length > 0) {
    throw new Error(
      `Refusing to start: guest sign-in is configured (${enabled
        .map(id => `auth.providers.${id}`)
        .join(', ')}) in production (NODE_ENV=${nodeEnv ?? 'unset'}, ` +
        `auth.environment=${config.getOptionalString('auth.environment') ?? 'unset'}). ` +
        'Anyone reaching the portal would be signed in. Remove the key(s) or set them to null ' +
        '(app-config.production.yaml does), and sign in with GitHub or OIDC.',
    );
  }
}
