import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ArchitectureCollatorFactory } from './collators/ArchitectureCollatorFactory';
import { readArchitectureCollatorSchedule } from './collators/readArchitectureCollatorSchedule';
import { homelabEntityTransformer } from './homelabEntityTransformer';

/**
 * Makes catalog search documents carry the ingress hosts, system, domain and
 * tags of each entity, and indexes the generated architecture page of every
 * domain and system.
 *
 * @public
 */
export const searchModuleHomelab = createBackendModule({
  pluginId: 'search',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        collator: catalogCollatorExtensionPoint,
        indexRegistry: searchIndexRegistryExtensionPoint,
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ collator, indexRegistry, config, scheduler, catalog, auth }) {
        collator.setEntityTransformer(homelabEntityTransformer);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(readArchitectureCollatorSchedule(config)),
          factory: new ArchitectureCollatorFactory({ catalog, auth }),
        });
      },
    });
  },
});
