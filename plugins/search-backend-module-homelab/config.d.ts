import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The generated architecture pages of domains and systems (search type `homelab-architecture`). */
      homelabArchitecture?: {
        /** When to index them. Default: every 10 minutes, 15 minute timeout, first run 30 s after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
