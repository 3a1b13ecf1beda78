import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

const CONFIG_KEY = 'search.collators.homelabArchitecture.schedule';

/**
 * The catalog collator's frequency and timeout (pages change only when the
 * catalog does); the first run waits 30 s so discovery's first entities are in.
 */
export const DEFAULT_ARCHITECTURE_COLLATOR_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/** The schedule of `search.collators.homelabArchitecture.schedule`, or the default. */
export function readArchitectureCollatorSchedule(config: Config): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(CONFIG_KEY);
  if (!schedule) return DEFAULT_ARCHITECTURE_COLLATOR_SCHEDULE;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (e) {
    throw new InputError(`Invalid schedule at ${CONFIG_KEY}: ${(e as Error).message}`, e);
  }
}
