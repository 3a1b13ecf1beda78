export interface Config {
  homelab?: {
    docs?: {
      /**
       * Background builds of discovered docs, so search and the first page
       * view never wait for mkdocs. GitOps discovery publishes whose docs
       * changed (event topic homelab.gitops.docs-changed) and exactly those
       * are built; a slow sweep over every entity with docs catches up the
       * rest.
       */
      prebuild?: {
        /** Off switch; on by default with the local TechDocs builder. */
        enabled?: boolean;
        /** Builds running at once (default 2). */
        concurrency?: number;
        /**
         * How long a build waits for the catalog to hold a changed entity
         * with docs after discovery reported it, in seconds (default 600).
         */
        catalogWaitSeconds?: number;
        /**
         * Minutes between sweeps over every entity with docs, for replicas
         * that did not run discovery and for changes discovery cannot see
         * (default 60; 0 turns the sweep off). The first sweep runs 10
         * minutes after start (or after sweepMinutes, if shorter).
         */
        sweepMinutes?: number;
      };
    };
  };
}
