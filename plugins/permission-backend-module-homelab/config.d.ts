export interface Config {
  homelab?: {
    permissions?: {
      /**
       * Groups whose members may do everything: entity refs
       * (`group:default/admins`) or names in the default namespace.
       * Default: `[admins]`.
       */
      adminGroups?: string[];
      /**
       * Friend groups (names in the default namespace; config keys cannot
       * hold a full ref) and, for each, the domains (Domain entity names) their
       * members may create apps in through templates. A member of any group
       * listed here is a friend; a user in several gets the union.
       * Default: `{ friends: [] }` (friends read, but create nowhere).
       */
      friendDomains?: { [group: string]: string[] };
    };
  };
}
