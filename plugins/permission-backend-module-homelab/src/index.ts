/**
 * The homelab portal's permission policy.
 *
 * @packageDocumentation
 */
export { permissionModuleHomelabPolicy as default } from './module';
export {
  HomelabPermissionPolicy,
  ADMIN_TEMPLATE_TAG,
  DOMAIN_INPUT,
} from './policy/HomelabPermissionPolicy';
export {
  readPermissionRoles,
  roleOf,
  type PermissionRoles,
  type UserRole,
} from './policy/PermissionRoles';
