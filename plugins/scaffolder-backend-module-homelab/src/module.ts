import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createHomelabAppPlanAction } from './actions/appPlan';
import { createHomelabAppWriteAction } from './actions/appWrite';
import { createHomelabGitopsPublishLocalAction } from './actions/gitopsPublishLocal';
import { GitOpsSources } from './source/GitOpsSources';

/**
 * Scaffolder actions that plan, write and publish a new app into a homelab
 * GitOps repo.
 *
 * @public
 */
export const scaffolderModuleHomelab = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'homelab',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
      },
      async init({ scaffolder, config, reader }) {
        const sources = GitOpsSources.fromConfig(config, reader);
        scaffolder.addActions(
          createHomelabAppPlanAction({ sources }),
          createHomelabAppWriteAction(),
          createHomelabGitopsPublishLocalAction({ sources }),
        );
      },
    });
  },
});
