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

  it('names the unknown provider and the valid ones', () => {
    expect(() => signInProvidersFromConfig(['gitlab'])).toThrow(
      'homelab.signInProviders lists "gitlab", which the portal does not know; use one of: guest, github',
    );
  });
});
