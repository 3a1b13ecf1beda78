import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { HomelabOrgEntityProvider } from './HomelabOrgEntityProvider';
import { readOrgConfig } from './readOrgConfig';

/**
 * Catalogs the users and groups of `homelab.org`, next to (or instead of)
 * an org file.
 *
 * @public
 */
export const catalogModuleHomelabOrg = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'homelab-org',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        // Read at start: a mistake stops the backend with the key named.
        const entities = readOrgConfig(config);
        const groups = entities.filter(e => e.kind === 'Group').length;
        if (entities.length) logger.info(`homelab.org declares ${groups} group(s) and ${entities.length - groups} user(s)`);
        // Registered even when empty: its full mutation then removes what an
        // earlier config declared.
        catalog.addEntityProvider(new HomelabOrgEntityProvider(entities));
      },
    });
  },
});
