import {
  AuthorizeResult,
  isPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationAnalyzePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  createScaffolderActionConditionalDecision,
  createScaffolderTaskConditionalDecision,
  createScaffolderTemplateConditionalDecision,
  scaffolderActionConditions,
  scaffolderTaskConditions,
  scaffolderTemplateConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { homelabStateReadPermission } from '@internal/plugin-homelab-state-common';
import { PermissionRoles, roleOf } from './PermissionRoles';

/**
 * The tag of admin-only templates (`metadata.tags`) and of admin-only steps
 * and parameters (`backstage:permissions.tags`), shared with the templates.
 */
export const ADMIN_TEMPLATE_TAG = 'admin';

/** The action input naming the domain an app is written into (the templates' contract). */
export const DOMAIN_INPUT = 'domain';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Admins may do everything. Friends read the catalog (but not admin
 * templates), docs and live state; run templates whose steps are not
 * admin-only, and actions only into their domains; see and cancel their own
 * tasks. Everything else, and anyone without a user identity, is denied.
 */
export class HomelabPermissionPolicy implements PermissionPolicy {
  constructor(private readonly roles: PermissionRoles) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return DENY;
    }
    // `info` is the one place the policy gets the user's groups from.
    const { userEntityRef, ownershipEntityRefs } = user.info;
    const role = roleOf(this.roles, ownershipEntityRefs);
    if (role.type === 'admin') {
      return ALLOW;
    }
    if (role.type === 'none') {
      return DENY;
    }
    return friendDecision(request.permission, role.domains, userEntityRef);
  }
}

function friendDecision(
  permission: Permission,
  domains: readonly string[],
  userEntityRef: string,
): PolicyDecision {
  if (isPermission(permission, catalogEntityReadPermission)) {
    return createCatalogConditionalDecision(permission, {
      not: {
        allOf: [
          catalogConditions.isEntityKind({ kinds: ['Template'] }),
          catalogConditions.hasMetadata({
            key: 'tags',
            value: ADMIN_TEMPLATE_TAG,
          }),
        ],
      },
    });
  }
  if (
    isPermission(permission, templateParameterReadPermission) ||
    isPermission(permission, templateStepReadPermission)
  ) {
    return createScaffolderTemplateConditionalDecision(permission, {
      not: scaffolderTemplateConditions.hasTag({ tag: ADMIN_TEMPLATE_TAG }),
    });
  }
  if (isPermission(permission, actionExecutePermission)) {
    // Actions that write into a domain take it as a string input (validated
    // by each action's schema); those without the input run unconditionally.
    return createScaffolderActionConditionalDecision(permission, {
      anyOf: [
        {
          not: {
            anyOf: [
              scaffolderActionConditions.hasStringProperty({ key: DOMAIN_INPUT }),
              scaffolderActionConditions.hasNumberProperty({ key: DOMAIN_INPUT }),
              scaffolderActionConditions.hasBooleanProperty({ key: DOMAIN_INPUT }),
            ],
          },
        },
        ...domains.map(domain =>
          scaffolderActionConditions.hasStringProperty({
            key: DOMAIN_INPUT,
            value: domain,
          }),
        ),
      ],
    });
  }
  if (
    isPermission(permission, taskReadPermission) ||
    isPermission(permission, taskCancelPermission)
  ) {
    return createScaffolderTaskConditionalDecision(permission, {
      allOf: [scaffolderTaskConditions.isTaskOwner({ createdBy: [userEntityRef] })],
    });
  }
  if (isPermission(permission, templateDryRunPermission)) {
    // The review step previews a friend's app through the dry-run. It is
    // safe to allow: a dry-run runs only actions that support it, in a
    // throwaway workspace, and each step still passes the domain condition
    // of actionExecutePermission above.
    return ALLOW;
  }
  if (
    isPermission(permission, taskCreatePermission) ||
    isPermission(permission, catalogEntityRefreshPermission) ||
    isPermission(permission, homelabStateReadPermission)
  ) {
    return ALLOW;
  }
  if (isPermission(permission, catalogLocationAnalyzePermission)) {
    // Analysing reads arbitrary URLs with the portal's integration token.
    return DENY;
  }
  // Reading anything else (docs, locations, Kubernetes resources) is fine;
  // creating, changing and deleting is the admins' job.
  return permission.attributes.action === 'read' ? ALLOW : DENY;
}
