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
        // Always registered so every template can call it: without
        // homelab.vault it writes nothing and says what to create by hand.
        const vault = config.getOptionalConfig('homelab.vault');
        const client = vault
          ? new VaultKvClient({ url: vault.getString('url'), token: vault.getString('token'), mount: vault.getOptionalString('mount') ?? 'kv' })
          : undefined;
        scaffolder.addActions(createHomelabVaultWriteAction({ client, allowedPrefix: vault?.getOptionalString('allowedPrefix') ?? 'apps/' }));
        logger.info(
          vault
            ? 'homelab:vault:write fills generated secrets in Vault (homelab.vault is configured)'
            : 'homelab:vault:write only reports the Vault keys to create (homelab.vault is not configured)',
        );
      },
    });
  },
});
