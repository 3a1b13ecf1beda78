import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { techdocsPreparerExtensionPoint } from '@backstage/plugin-techdocs-node';
import { HomelabDocsPreparer } from './preparer/HomelabDocsPreparer';
import { DocsPrebuilder } from './prebuild/DocsPrebuilder';
import { subscribeDocsPrebuild } from './prebuild/subscribeDocsPrebuild';

/**
 * TechDocs for a GitOps repo as it is: `dir:` docs are built from a prepared
 * copy with a generated MkDocs config where the repo has none, and the docs
 * discovery reports changed are prebuilt in the background.
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
        events: eventsServiceRef,
      },
      async init({ preparers, config, logger, reader, scheduler, catalog, auth, discovery, events }) {
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
        const prebuildLogger = logger.child({ component: 'homelab-docs-prebuild' });
        const prebuilder = new DocsPrebuilder(
          { catalog, auth, discovery, logger: prebuildLogger },
          {
            concurrency: prebuild?.getOptionalNumber('concurrency'),
            catalogWaitMs: (prebuild?.getOptionalNumber('catalogWaitSeconds') ?? 600) * 1000,
          },
        );
        await subscribeDocsPrebuild({ events, prebuilder, logger: prebuildLogger });

        // The events are in-process: only the replica whose discovery run saw
        // a change builds it. The sweep brings the others (and changes the
        // fingerprint cannot see, such as an edited image) up to date.
        const sweepMinutes = prebuild?.getOptionalNumber('sweepMinutes') ?? 60;
        if (sweepMinutes <= 0) return;
        await scheduler.scheduleTask({
          id: 'homelab-docs-prebuild-sweep',
          frequency: { minutes: sweepMinutes },
          timeout: { minutes: 30 },
          // Discovery's first run after start reports every doc set; the
          // sweep need not repeat that right away.
          initialDelay: { minutes: Math.min(sweepMinutes, 10) },
          scope: 'local',
          fn: async () => {
            await prebuilder.run();
          },
        });
      },
    });
  },
});
