import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the live state of the platform (the overview and every entity's
 * Ceph, CloudNativePG, Ray and Argo CD state). Friends and admins hold it;
 * the policy decides, the router enforces.
 *
 * @public
 */
export const homelabStateReadPermission = createPermission({
  name: 'homelab.state.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the live-state plugins, registered by the backend so
 * that policies and the permission API can list them.
 *
 * @public
 */
export const homelabStatePermissions = [homelabStateReadPermission];
