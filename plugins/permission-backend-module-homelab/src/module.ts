import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { HomelabPermissionPolicy } from './policy/HomelabPermissionPolicy';
import { readPermissionRoles } from './policy/PermissionRoles';

/** Installs the homelab's permission policy (instead of allow-all). */
export const permissionModuleHomelabPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'homelab-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, policy }) {
        const roles = readPermissionRoles(config);
        logger.info(
          `homelab policy: admins ${[...roles.adminGroups].join(', ')}; friends ${[
            ...roles.friendDomains,
          ]
            .map(([group, domains]) => `${group} → [${domains.join(', ')}]`)
            .join('; ')}`,
        );
        policy.setPolicy(new HomelabPermissionPolicy(roles));
      },
    });
  },
});
