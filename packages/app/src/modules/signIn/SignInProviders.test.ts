import { signInProvidersFromConfig } from './SignInProviders';

describe('signInProvidersFromConfig', () => {
  it('defaults to guest for the embedded default', () => {
    expect(signInProvidersFromConfig(undefined)).toEqual(['guest']);
    expect(signInProvidersFromConfig([])).toEqual(['guest']);
  });

  it('maps github to the GitHub auth API', () => {
    const [github] = signInProvidersFromConfig(['github']);
    expect(github).toMatchObject({ id: 'github-auth-provider', title: 'GitHub' });
  });

  it('maps the friend guest and OIDC to their auth APIs', () => {
    const [friend, oidc] = signInProvidersFromConfig(['guest-friend', 'oidc']);
    expect(friend).toMatchObject({ id: 'guest-friend-auth-provider', title: 'Guest (friend)' });
    expect(oidc).toMatchObject({ id: 'oidc-auth-provider', title: 'Single sign-on' });
  });

  it('names the unknown provider and the valid ones', () => {
    expect(() => signInProvidersFromConfig(['gitlab'])).toThrow(
      'homelab.signInProviders lists "gitlab", which the portal does not know; use one of: guest, guest-friend, github, oidc',
    );
  });
});
