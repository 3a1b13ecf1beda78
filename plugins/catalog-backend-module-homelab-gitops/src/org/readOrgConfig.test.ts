import { ConfigReader } from '@backstage/config';
import { readOrgConfig } from './readOrgConfig';

const read = (org: unknown) => readOrgConfig(new ConfigReader({ homelab: { org } } as any));
const annotations = {
  'backstage.io/managed-by-location': 'homelab-org:config',
  'backstage.io/managed-by-origin-location': 'homelab-org:config',
};

describe('readOrgConfig', () => {
  it('makes a Group per group and a User per member or declared user, with memberOf', () => {
    expect(
      read({
        groups: {
          admins: { displayName: 'Homelab admins', email: 'admins@homelab.example', members: ['alice'] },
          friends: { members: ['bob', 'alice'] },
        },
        users: {
          alice: { displayName: 'Alice', email: 'alice@homelab.example' },
          carol: { email: 'carol@homelab.example' },
        },
      }),
    ).toEqual([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'admins', annotations },
        spec: { type: 'team', profile: { displayName: 'Homelab admins', email: 'admins@homelab.example' }, children: [] },
      },
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'friends', annotations }, spec: { type: 'team', children: [] } },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'alice', annotations },
        spec: { profile: { displayName: 'Alice', email: 'alice@homelab.example' }, memberOf: ['admins', 'friends'] },
      },
      { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'bob', annotations }, spec: { memberOf: ['friends'] } },
      { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'carol', annotations }, spec: { profile: { email: 'carol@homelab.example' }, memberOf: [] } },
    ]);
  });

  it('declares nothing without homelab.org, and an empty group without members', () => {
    expect(readOrgConfig(new ConfigReader({}))).toEqual([]);
    expect(read({ groups: { admins: {} } })).toEqual([
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'admins', annotations }, spec: { type: 'team', children: [] } },
    ]);
  });

  it.each([
    ['members not a list', { groups: { admins: { members: 'alice' } } }, 'homelab.org.groups.admins.members must be a list of user names, got "alice"'],
    ['a member that is not a name', { groups: { friends: { members: ['bob', 'bob smith'] } } }, 'homelab.org.groups.friends.members[1] must be a user name (letters, digits and - _ . between them, at most 63), got "bob smith"'],
    ['a group name that is not a name', { groups: { 'friends!': { members: [] } } }, 'homelab.org.groups.friends! must be a group name (letters, digits and - _ . between them, at most 63), got "friends!"'],
    ['a user name that is not a name', { users: { '-carol': {} } }, 'homelab.org.users.-carol must be a user name (letters, digits and - _ . between them, at most 63), got "-carol"'],
    ['an e-mail that is not a string', { users: { carol: { email: ['a', 'b'] } } }, 'homelab.org.users.carol.email must be a string, got ["a","b"]'],
    ['a display name that is not a string', { groups: { admins: { displayName: 7, members: [] } } }, 'homelab.org.groups.admins.displayName must be a string, got 7'],
  ])('refuses %s, naming the key', (_name, org, message) => {
    expect(() => read(org)).toThrow(message);
  });
});
