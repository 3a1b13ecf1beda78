import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { resolve } from 'node:path';
import { createRouter } from './router/createRouter';

/**
 * Read-only routes over the GitOps repos of `homelab.gitops.sources`
 * (configured for discovery; this plugin adds no keys of its own).
 *
 * @public
 */
export const homelabGitopsPlugin = createBackendPlugin({
  pluginId: 'homelab-gitops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, httpRouter, httpAuth, catalog }) {
        // Resolved like discovery resolves them, so both read the same folder.
        const checkouts = (config.getOptionalConfigArray('homelab.gitops.sources') ?? []).flatMap(source => {
          const path = source.getOptionalString('path');
          return path ? [{ id: source.getString('id'), path: resolve(path) }] : [];
        });
        logger.info(
          checkouts.length
            ? `Recent changes from the git history of ${checkouts.map(c => c.id).join(', ')}`
            : 'No GitOps source is a local checkout; recent changes come from the catalog',
        );
        httpRouter.use(await createRouter({ checkouts, catalog, httpAuth, logger: logger.child({ component: 'recent-changes' }) }));
      },
    });
  },
});
