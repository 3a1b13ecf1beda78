export interface Config {
  homelab?: {
    docs?: {
      /**
       * Background builds of discovered docs, so search and the first page
       * view never wait for mkdocs.
       */
      prebuild?: {
        /** Off switch; on by default with the local TechDocs builder. */
        enabled?: boolean;
        /** Builds running at once (default 2). */
        concurrency?: number;
        /** How often to look for changed docs, in minutes (default 2). */
        frequencyMinutes?: number;
        /** Delay after startup before the first pass, in seconds (default 45). */
        initialDelaySeconds?: number;
      };
    };
  };
}
