import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import { permissionRules as catalogRules } from '@backstage/plugin-catalog-backend/alpha';
import { scaffolderPermissions } from '@backstage/plugin-scaffolder-common/alpha';
import { homelabStatePermissions } from '@internal/plugin-homelab-state-common';
import { HomelabPermissionPolicy } from './HomelabPermissionPolicy';
import { readPermissionRoles } from './PermissionRoles';

const roles = readPermissionRoles(
  new ConfigReader({
    homelab: {
      permissions: {
        adminGroups: ['admins'],
        friendDomains: { friends: ['media', 'productivity'], family: ['web'] },
      },
    },
  }),
);
const policy = new HomelabPermissionPolicy(roles);

function user(name: string, groups: string[]) {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...groups.map(g => `group:default/${g}`)],
    },
  };
}

const admin = user('owner', ['admins']);
const friend = user('alex', ['friends']);
const stranger = user('mallory', ['neighbours']);

const decide = (permission: Permission, who?: ReturnType<typeof user>) =>
  policy.handle({ permission }, who);

const every: Permission[] = [
  ...catalogPermissions,
  ...scaffolderPermissions,
  ...homelabStatePermissions,
  createPermission({ name: 'kubernetes.proxy', attributes: {} }),
  createPermission({ name: 'kubernetes.resources.read', attributes: { action: 'read' } }),
  createPermission({ name: 'other.thing.delete', attributes: { action: 'delete' } }),
];

// The friend's expected outcome per permission: ALLOW, DENY or CONDITIONAL.
const FRIEND: Record<string, AuthorizeResult> = {
  'catalog.entity.read': AuthorizeResult.CONDITIONAL,
  'catalog.entity.create': AuthorizeResult.DENY,
  'catalog.entity.delete': AuthorizeResult.DENY,
  'catalog.entity.refresh': AuthorizeResult.ALLOW,
  'catalog.entity.validate': AuthorizeResult.DENY,
  'catalog.location.read': AuthorizeResult.ALLOW,
  'catalog.location.create': AuthorizeResult.DENY,
  'catalog.location.analyze': AuthorizeResult.DENY,
  'catalog.location.delete': AuthorizeResult.DENY,
  'catalog.ingestion.read': AuthorizeResult.ALLOW,
  'catalog.ingestion.manage': AuthorizeResult.DENY,
  'scaffolder.template.parameter.read': AuthorizeResult.CONDITIONAL,
  'scaffolder.template.step.read': AuthorizeResult.CONDITIONAL,
  'scaffolder.action.execute': AuthorizeResult.CONDITIONAL,
  'scaffolder.task.read': AuthorizeResult.CONDITIONAL,
  'scaffolder.task.create': AuthorizeResult.ALLOW,
  'scaffolder.task.cancel': AuthorizeResult.CONDITIONAL,
  // The review step's preview; each step is still held to the friend's domains.
  'scaffolder.template.dry-run': AuthorizeResult.ALLOW,
  'scaffolder.template.management': AuthorizeResult.DENY,
  'homelab.state.read': AuthorizeResult.ALLOW,
  'kubernetes.proxy': AuthorizeResult.DENY,
  'kubernetes.resources.read': AuthorizeResult.ALLOW,
  'other.thing.delete': AuthorizeResult.DENY,
};

describe('HomelabPermissionPolicy', () => {
  it('has an expectation for every permission it is tested with', () => {
    expect(Object.keys(FRIEND).sort()).toEqual(every.map(p => p.name).sort());
  });

  it.each(every.map(p => [p.name, p] as const))('%s: admins are allowed', async (_, permission) => {
    expect(await decide(permission, admin)).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each(every.map(p => [p.name, p] as const))('%s: unauthenticated and group-less users are denied', async (_, permission) => {
    expect(await decide(permission)).toEqual({ result: AuthorizeResult.DENY });
    expect(await decide(permission, stranger)).toEqual({ result: AuthorizeResult.DENY });
  });

  it.each(every.map(p => [p.name, p] as const))('%s: friends get the expected decision', async (name, permission) => {
    expect((await decide(permission, friend)).result).toBe(FRIEND[name]);
  });

  it('treats an admin who is also a friend as an admin', async () => {
    const both = user('owner', ['friends', 'admins']);
    for (const permission of every) {
      expect(await decide(permission, both)).toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  describe('catalog reads of a friend, applied with the catalog\'s own rules', () => {
    const isAllowed = async (entity: Entity) => {
      const read = every.find(p => p.name === 'catalog.entity.read')!;
      const decision = (await decide(read, friend)) as ConditionalPolicyDecision;
      return createConditionAuthorizer(Object.values(catalogRules))(decision, entity);
    };
    const template = (tags: string[]): Entity => ({
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'x', tags },
      spec: {},
    });

    it('hides templates tagged admin (the platform template)', async () => {
      expect(await isAllowed(template(['admin', 'platform']))).toBe(false);
    });

    it('shows app templates and every other entity', async () => {
      expect(await isAllowed(template(['app']))).toBe(true);
      expect(await isAllowed(template([]))).toBe(true);
      expect(
        await isAllowed({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'jellyfin', tags: ['admin'] },
          spec: {},
        }),
      ).toBe(true);
    });
  });

  it('lets friends run actions only into their domains, or actions without a domain', async () => {
    const execute = every.find(p => p.name === 'scaffolder.action.execute')!;
    const decision: PolicyDecision = await decide(execute, friend);
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-action',
      conditions: {
        anyOf: [
          {
            not: {
              anyOf: [
                { rule: 'HAS_STRING_PROPERTY', resourceType: 'scaffolder-action', params: { key: 'domain' } },
                { rule: 'HAS_NUMBER_PROPERTY', resourceType: 'scaffolder-action', params: { key: 'domain' } },
                { rule: 'HAS_BOOLEAN_PROPERTY', resourceType: 'scaffolder-action', params: { key: 'domain' } },
              ],
            },
          },
          { rule: 'HAS_STRING_PROPERTY', resourceType: 'scaffolder-action', params: { key: 'domain', value: 'media' } },
          { rule: 'HAS_STRING_PROPERTY', resourceType: 'scaffolder-action', params: { key: 'domain', value: 'productivity' } },
        ],
      },
    });
  });

  it('gives a member of two friend groups the union of their domains', async () => {
    const execute = every.find(p => p.name === 'scaffolder.action.execute')!;
    const decision = (await decide(execute, user('sam', ['friends', 'family']))) as ConditionalPolicyDecision;
    const values = (decision.conditions as any).anyOf.slice(1).map((c: any) => c.params.value);
    expect(values).toEqual(['media', 'productivity', 'web']);
  });

  it('hides admin-tagged steps and parameters from friends', async () => {
    for (const name of ['scaffolder.template.step.read', 'scaffolder.template.parameter.read']) {
      const permission = every.find(p => p.name === name)!;
      expect(await decide(permission, friend)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-template',
        conditions: { not: { rule: 'HAS_TAG', resourceType: 'scaffolder-template', params: { tag: 'admin' } } },
      });
    }
  });

  it('lets friends see and cancel only their own tasks', async () => {
    for (const name of ['scaffolder.task.read', 'scaffolder.task.cancel']) {
      const permission = every.find(p => p.name === name)!;
      expect(await decide(permission, friend)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          allOf: [
            { rule: 'IS_TASK_OWNER', resourceType: 'scaffolder-task', params: { createdBy: ['user:default/alex'] } },
          ],
        },
      });
    }
  });
});
