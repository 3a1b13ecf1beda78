import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { homelabEntityTransformer } from './homelabEntityTransformer';

/**
 * Makes catalog search documents carry the ingress hosts, system, domain and
 * tags of each entity.
 *
 * @public
 */
export const searchModuleHomelab = createBackendModule({
  pluginId: 'search',
  moduleId: 'homelab-catalog-text',
  register(env) {
    env.registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(homelabEntityTransformer);
      },
    });
  },
});
