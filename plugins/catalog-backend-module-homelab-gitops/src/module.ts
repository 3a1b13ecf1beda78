import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { GitOpsEntityProvider } from './provider/GitOpsEntityProvider';
import { readGitOpsSources } from './provider/GitOpsSource';

/**
 * Catalogs the GitOps repos of `homelab.gitops.sources`, and says whose
 * docs changed on the events topic `homelab.gitops.docs-changed`.
 *
 * @public
 */
export const catalogModuleHomelabGitOps = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'homelab-gitops',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        reader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({ catalog, config, logger, reader, scheduler, events }) {
        const sources = readGitOpsSources(config);
        if (sources.length === 0) {
          logger.info('No homelab.gitops.sources configured; GitOps discovery is off');
        }
        for (const source of sources) {
          catalog.addEntityProvider(
            new GitOpsEntityProvider(source, {
              reader,
              logger,
              taskRunner: scheduler.createScheduledTaskRunner(source.schedule),
              events,
            }),
          );
        }
      },
    });
  },
});
