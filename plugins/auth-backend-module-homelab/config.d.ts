export interface Config {
  auth?: {
    providers?: {
      /**
       * A second guest-style identity for the embedded default, so a new
       * user can try the portal as a friend as well as an admin (the stock
       * `guest`). Development only (`NODE_ENV=development`); a production
       * backend refuses to start with it configured.
       */
      'guest-friend'?: {
        /** The User entity signed in as. Default `user:default/guest-friend`. */
        userEntityRef?: string;
        /** Ownership refs used when that User is not in the catalog. Default `[userEntityRef, group:default/friends]`. */
        ownershipEntityRefs?: string[];
      };
    };
  };
}
