import { ConfigReader } from '@backstage/config';
import { assertNoGuestInProduction } from './assertNoGuestInProduction';

describe('assertNoGuestInProduction', () => {
  const guest = { auth: { providers: { guest: { userEntityRef: 'user:default/guest' } } } };

  it('refuses guest in production, naming the key and the fix', () => {
    expect(() => assertNoGuestInProduction(new ConfigReader(guest), 'production')).toThrow(
      'Refusing to start: guest sign-in is configured (auth.providers.guest) in production (NODE_ENV=production, auth.environment=unset). ' +
        'Anyone reaching the portal would be signed in. Remove the key(s) or set them to null (app-config.production.yaml does), and sign in with GitHub or OIDC.',
    );
  });

  it('treats auth.environment production as production, and names every guest provider', () => {
    const config = new ConfigReader({
      auth: { environment: 'production', providers: { guest: {}, 'guest-friend': {} } },
    });
    expect(() => assertNoGuestInProduction(config, 'development')).toThrow(
      /\(auth\.providers\.guest, auth\.providers\.guest-friend\)/,
    );
  });

  it('allows guest in development and production without guest', () => {
    expect(() => assertNoGuestInProduction(new ConfigReader(guest), 'development')).not.toThrow();
    expect(() =>
      assertNoGuestInProduction(
        new ConfigReader({ auth: { providers: { github: { production: {} } } } }),
        'production',
      ),
    ).not.toThrow();
  });

  it('accepts the production config turning guest off with null on top of the default', () => {
    const config = ConfigReader.fromConfigs([
      { context: 'app-config.yaml', data: guest },
      { context: 'app-config.production.yaml', data: { auth: { providers: { guest: null } } } as any },
    ]);
    expect(() => assertNoGuestInProduction(config, 'production')).not.toThrow();
  });
});
