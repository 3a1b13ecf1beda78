import { ConfigReader } from '@backstage/config';
import { readPermissionRoles, roleOf } from './PermissionRoles';

describe('readPermissionRoles', () => {
  it('defaults to admins, and friends who may create nowhere', () => {
    const roles = readPermissionRoles(new ConfigReader({}));
    expect([...roles.adminGroups]).toEqual(['group:default/admins']);
    expect([...roles.friendDomains]).toEqual([['group:default/friends', []]]);
  });

  it('normalises names and refs of configured groups', () => {
    const roles = readPermissionRoles(
      new ConfigReader({
        homelab: {
          permissions: {
            adminGroups: ['group:infra/Owners', 'admins'],
            friendDomains: { friends: ['media'], family: ['web'] },
          },
        },
      }),
    );
    expect([...roles.adminGroups]).toEqual(['group:infra/owners', 'group:default/admins']);
    expect([...roles.friendDomains]).toEqual([
      ['group:default/friends', ['media']],
      ['group:default/family', ['web']],
    ]);
  });

  it('names the key when a domain list is not a list', () => {
    expect(() =>
      readPermissionRoles(
        new ConfigReader({ homelab: { permissions: { friendDomains: { friends: 'media' } } } }),
      ),
    ).toThrow(/homelab\.permissions\.friendDomains\.friends/);
  });
});

describe('roleOf', () => {
  const roles = readPermissionRoles(
    new ConfigReader({
      homelab: { permissions: { friendDomains: { friends: ['media'], family: ['web', 'media'] } } },
    }),
  );

  it('finds admins, friends with their domains, and nobody', () => {
    expect(roleOf(roles, ['user:default/o', 'group:default/admins'])).toEqual({ type: 'admin' });
    expect(roleOf(roles, ['user:default/a', 'group:default/friends', 'group:default/family'])).toEqual({
      type: 'friend',
      domains: ['media', 'web'],
    });
    expect(roleOf(roles, ['user:default/m'])).toEqual({ type: 'none' });
  });
});
