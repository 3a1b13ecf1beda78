import type { GroupEntity, UserEntity } from '@backstage/catalog-model';
import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION, makeValidator } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';

/** Where config-declared users and groups say they come from. */
export const ORG_CONFIG_LOCATION = 'homelab-org:config';

const validator = makeValidator();

/**
 * The users and groups declared under `homelab.org`, as catalog entities:
 * one Group per `groups.<name>` (type `team`), one User per name that is a
 * member of a group or declared under `users.<name>`, its `memberOf` listing
 * its groups. Throws an Error naming the key of anything wrong.
 *
 * @public
 */
export function readOrgConfig(config: Config): Array<GroupEntity | UserEntity> {
  const org = config.getOptionalConfig('homelab.org');
  if (!org) return [];
  const groupsConfig = org.getOptionalConfig('groups');
  const usersConfig = org.getOptionalConfig('users');

  const name = (value: string, key: string, what: string) => {
    if (!validator.isValidEntityName(value)) {
      throw new Error(`homelab.org.${key} must be a ${what} name (letters, digits and - _ . between them, at most 63), got "${value}"`);
    }
    return value;
  };
  const optionalString = (c: Config, key: string, at: string) => {
    try {
      return c.getOptionalString(key);
    } catch {
      throw new Error(`homelab.org.${at}.${key} must be a string, got ${JSON.stringify(c.getOptional(key))}`);
    }
  };
  const annotations = { [ANNOTATION_LOCATION]: ORG_CONFIG_LOCATION, [ANNOTATION_ORIGIN_LOCATION]: ORG_CONFIG_LOCATION };
  const profile = (c: Config, at: string) => {
    const displayName = optionalString(c, 'displayName', at);
    const email = optionalString(c, 'email', at);
    return displayName || email ? { profile: { ...(displayName ? { displayName } : {}), ...(email ? { email } : {}) } } : {};
  };

  const memberOf = new Map<string, string[]>();
  const groups: GroupEntity[] = (groupsConfig?.keys() ?? []).map(key => {
    const group = name(key, `groups.${key}`, 'group');
    const c = groupsConfig!.getConfig(key);
    let members: string[];
    try {
      members = c.getOptionalStringArray('members') ?? [];
    } catch {
      throw new Error(`homelab.org.groups.${key}.members must be a list of user names, got ${JSON.stringify(c.getOptional('members'))}`);
    }
    members.forEach((m, i) => {
      name(m, `groups.${key}.members[${i}]`, 'user');
      memberOf.set(m, [...(memberOf.get(m) ?? []), group]);
    });
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: group, annotations },
      spec: { type: 'team', ...profile(c, `groups.${key}`), children: [] },
    };
  });

  const userNames = [...new Set([...memberOf.keys(), ...(usersConfig?.keys() ?? []).map(key => name(key, `users.${key}`, 'user'))])].sort();
  const users: UserEntity[] = userNames.map(user => {
    const c = usersConfig?.getOptionalConfig(user);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: user, annotations },
      spec: { ...(c ? profile(c, `users.${user}`) : {}), memberOf: memberOf.get(user) ?? [] },
    };
  });
  return [...groups, ...users];
}
