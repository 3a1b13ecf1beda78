import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techdocsPreparerExtensionPoint } from '@backstage/plugin-techdocs-node';
import { HomelabDocsPreparer } from './preparer/HomelabDocsPreparer';
import { DocsPrebuilder } from './prebuild/DocsPrebuilder';

/**
 * TechDocs for a GitOps repo as it is: `dir:` docs are built from a prepared
 * copy with a generated MkDocs config where the repo has none, and every
 * entity's docs are prebuilt in the background.
 *
 * @public
 */
export const techdocsModuleHomelab = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        preparers: techdocsPreparerExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        reader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ preparers, config, logger, reader, scheduler, catalog, auth, discovery }) {
        preparers.registerPreparer(
          'dir',
          new HomelabDocsPreparer({
            reader,
            scmIntegrations: ScmIntegrations.fromConfig(config),
            logger: logger.child({ component: 'homelab-docs-preparer' }),
            workingDirectory: config.getOptionalString('backend.workingDirectory'),
          }),
        );

        const prebuild = config.getOptionalConfig('homelab.docs.prebuild');
        const builder = config.getOptionalString('techdocs.builder') ?? 'local';
        if (builder !== 'local' || prebuild?.getOptionalBoolean('enabled') === false) {
          logger.info('TechDocs prebuild is off (external builder or homelab.docs.prebuild.enabled: false)');
          return;
        }
        const prebuilder = new DocsPrebuilder({
          catalog,
          auth,
          discovery,
          logger: logger.child({ component: 'homelab-docs-prebuild' }),
          concurrency: prebuild?.getOptionalNumber('concurrency') ?? 2,
        });
        await scheduler.scheduleTask({
          id: 'homelab-docs-prebuild',
          frequency: { minutes: prebuild?.getOptionalNumber('frequencyMinutes') ?? 2 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: prebuild?.getOptionalNumber('initialDelaySeconds') ?? 45 },
          scope: 'local',
          fn: async () => {
            await prebuilder.run();
          },
        });
      },
    });
  },
});
