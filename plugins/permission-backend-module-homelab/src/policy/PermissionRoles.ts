import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** Who is an admin, who is a friend and where each friend may create apps. */
export interface PermissionRoles {
  /** Full group refs (`group:default/admins`) whose members may do everything. */
  adminGroups: ReadonlySet<string>;
  /** Full friend-group ref → the domains its members may create apps in. */
  friendDomains: ReadonlyMap<string, readonly string[]>;
}

/** The role of one signed-in user, from the groups the catalog says they are in. */
export type UserRole =
  | { type: 'admin' }
  | { type: 'friend'; domains: readonly string[] }
  | { type: 'none' };

const DEFAULT_ADMIN_GROUPS = ['admins'];
const DEFAULT_FRIEND_DOMAINS = { friends: [] as string[] };

// Tokens carry lower-cased refs; compare in that form.
function groupRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}

/** Reads `homelab.permissions`; group names are normalised to full entity refs. */
export function readPermissionRoles(config: Config): PermissionRoles {
  const permissions = config.getOptionalConfig('homelab.permissions');
  const adminGroups =
    permissions?.getOptionalStringArray('adminGroups') ?? DEFAULT_ADMIN_GROUPS;
  const friendConfig = permissions?.getOptionalConfig('friendDomains');
  const friendDomains = new Map<string, string[]>();
  if (friendConfig) {
    for (const group of friendConfig.keys()) {
      friendDomains.set(groupRef(group), friendConfig.getStringArray(group));
    }
  } else {
    for (const [group, domains] of Object.entries(DEFAULT_FRIEND_DOMAINS)) {
      friendDomains.set(groupRef(group), domains);
    }
  }
  return { adminGroups: new Set(adminGroups.map(groupRef)), friendDomains };
}

/**
 * The role of a user given their ownership refs (the user and the groups the
 * sign-in resolver put in the token). Admin wins over friend.
 */
export function roleOf(
  roles: PermissionRoles,
  ownershipEntityRefs: readonly string[],
): UserRole {
  const refs = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  if (refs.some(ref => roles.adminGroups.has(ref))) {
    return { type: 'admin' };
  }
  const friendGroups = refs.filter(ref => roles.friendDomains.has(ref));
  if (friendGroups.length === 0) {
    return { type: 'none' };
  }
  const domains = new Set(
    friendGroups.flatMap(ref => roles.friendDomains.get(ref) ?? []),
  );
  return { type: 'friend', domains: [...domains].sort() };
}
