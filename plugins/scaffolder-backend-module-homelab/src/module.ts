import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createHomelabAppPlanAction } from './actions/appPlan';
import { createHomelabAppWriteAction } from './actions/appWrite';
import { createHomelabGitopsPublishLocalAction } from './actions/gitopsPublishLocal';
import { createHomelabVaultWriteAction } from './actions/vaultWrite';
import { VaultKvClient } from './source/VaultKvClient';
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
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, reader, logger }) {
        const sources = GitOpsSources.fromConfig(config, reader);
        scaffolder.addActions(
          createHomelabAppPlanAction({ sources }),
          createHomelabAppWriteAction(),
          createHomelabGitopsPublishLocalAction({ sources }),
        );
        const vault = config.getOptionalConfig('homelab.vault');
        if (vault) {
          const client = new VaultKvClient({ url: vault.getString('url'), token: vault.getString('token'), mount: vault.getOptionalString('mount') ?? 'kv' });
          scaffolder.addActions(createHomelabVaultWriteAction({ client, allowedPrefix: vault.getOptionalString('allowedPrefix') ?? 'apps/' }));
          logger.info('homelab:vault:write is available (homelab.vault is configured)');
        }
      },
    });
  },
});
