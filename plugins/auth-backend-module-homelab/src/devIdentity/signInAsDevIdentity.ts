import { Config } from '@backstage/config';
import { SignInResolver } from '@backstage/plugin-auth-node';

export const DEFAULT_FRIEND_GUEST_REF = 'user:default/guest-friend';
export const DEFAULT_FRIEND_GROUP_REF = 'group:default/friends';

/**
 * Signs in as the configured User entity, with the groups the catalog gives
 * it; before the catalog holds it (first seconds after a fresh start) with
 * the configured ownership refs, as the stock guest does.
 */
export function signInAsDevIdentity(config: Config): SignInResolver<unknown> {
  const userEntityRef =
    config.getOptionalString('userEntityRef') ?? DEFAULT_FRIEND_GUEST_REF;
  const ownershipEntityRefs = config.getOptionalStringArray(
    'ownershipEntityRefs',
  ) ?? [userEntityRef, DEFAULT_FRIEND_GROUP_REF];
  return async (_, ctx) => {
    try {
      return await ctx.signInWithCatalogUser({ entityRef: userEntityRef });
    } catch {
      return ctx.issueToken({
        claims: { sub: userEntityRef, ent: ownershipEntityRefs },
      });
    }
  };
}
