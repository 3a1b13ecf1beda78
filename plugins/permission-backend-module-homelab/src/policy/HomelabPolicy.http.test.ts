import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import authModuleHomelab from '@internal/plugin-auth-backend-module-homelab';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { permissionModuleHomelabPolicy } from '../module';

// The policy behind the real permission, catalog and scaffolder plugins,
// over HTTP, as an admin and as a friend, with user tokens minted by the real
// auth backend (the two development guests: guest is an admin, guest-friend
// a friend) and the real auth, httpAuth and userInfo services. The action and the templates are
// fixtures of this test: an action that writes an app into a `domain` (the
// contract of homelab:app:write) and records what it wrote.
const written: Array<{ domain: string; by: string }> = [];

const testActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'homelab-test-actions',
  register(reg) {
    reg.registerInit({
      deps: { actions: scaffolderActionsExtensionPoint },
      async init({ actions }) {
        actions.addActions(
          createTemplateAction({
            id: 'homelab:test:write',
            schema: {
              input: {
                domain: z => z.string(),
                name: z => z.string(),
              },
            },
            async handler(ctx) {
              written.push({
                domain: ctx.input.domain,
                by: ctx.user?.ref ?? 'unknown',
              });
            },
          }),
        );
      },
    });
  },
});


const template = (name: string, tags: string[]) => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, tags },
  spec: {
    owner: 'group:default/admins',
    type: 'service',
    parameters: [
      { title: 'App', properties: { domain: { type: 'string' }, name: { type: 'string' } } },
      {
        title: 'Placement',
        'backstage:permissions': { tags: ['admin'] },
        properties: { node: { type: 'string' } },
      },
    ],
    steps: [
      {
        id: 'write',
        name: 'Write the app',
        action: 'homelab:test:write',
        input: { domain: '${{ parameters.domain }}', name: '${{ parameters.name }}' },
      },
    ],
  },
});

describe('the homelab policy over HTTP', () => {
  jest.setTimeout(60_000);
  let server: any;
  const tokens: Record<string, string> = {};
  const as = (user: string) => `Bearer ${tokens[user]}`;
  const nodeEnv = process.env.NODE_ENV;
  afterAll(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  beforeAll(async () => {
    // The guests sign in in development only.
    process.env.NODE_ENV = 'development';
    const dir = mkdtempSync(join(tmpdir(), 'homelab-policy-'));
    const file = join(dir, 'templates.yaml');
    writeFileSync(
      file,
      [template('app', ['app']), template('platform', ['admin'])]
        .map(t => JSON.stringify(t))
        .join('\n---\n'),
    );
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        scaffolderPlugin,
        permissionPlugin,
        permissionModuleHomelabPolicy,
        testActions,
        permissionsServiceFactory,
        permissionsRegistryServiceFactory,
        authPlugin,
        guestProvider,
        authModuleHomelab,
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              providers: {
                guest: {
                  userEntityRef: 'user:default/owner',
                  ownershipEntityRefs: ['user:default/owner', 'group:default/admins'],
                },
                'guest-friend': {
                  userEntityRef: 'user:default/alex',
                  ownershipEntityRefs: ['user:default/alex', 'group:default/friends'],
                },
              },
            },
            permission: { enabled: true },
            homelab: { permissions: { friendDomains: { friends: ['media'] } } },
            catalog: {
              rules: [{ allow: ['Template', 'Location'] }],
              locations: [{ type: 'file', target: file }],
            },
          },
        }),
      ],
    });
    server = backend.server;
    for (const [user, provider] of [['owner', 'guest'], ['alex', 'guest-friend']]) {
      const res = await request(server)
        .get(`/api/auth/${provider}/refresh`)
        .set('X-Requested-With', 'XMLHttpRequest');
      if (res.status !== 200) {
        throw new Error(`${provider} sign-in failed: ${res.status} ${res.text}`);
      }
      tokens[user] = res.body.backstageIdentity.token;
    }
    // Wait for the catalog to hold both templates.
    let last: any;
    for (let i = 0; i < 60; i++) {
      last = await request(server)
        .get('/api/catalog/entities/by-query?filter=kind=template')
        .set('Authorization', as('owner'));
      if (last.body.items?.length === 2) return;
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(
      `the catalog never held the fixture templates: ${last.status} ${last.type} ${last.text}`,
    );
  }, 90_000);

  async function run(user: string, templateName: string, values: object) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', as(user))
      .send({ templateRef: `template:default/${templateName}`, values });
    if (created.status !== 201) return { status: created.status };
    for (let i = 0; i < 60; i++) {
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', as(user));
      if (['completed', 'failed'].includes(task.body.status)) {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', as(user));
        const log = events.body.map((e: any) => e.body?.message ?? '').join('\n');
        return { status: 201, taskStatus: task.body.status, log };
      }
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error('task did not finish');
  }

  it('lets a friend write into their domain', async () => {
    written.length = 0;
    const res = await run('alex', 'app', { domain: 'media', name: 'kavita' });
    expect(res).toMatchObject({ status: 201, taskStatus: 'completed' });
    expect(written).toEqual([{ domain: 'media', by: 'user:default/alex' }]);
  });

  it('refuses a friend writing into another domain, server-side, writing nothing', async () => {
    written.length = 0;
    const res = await run('alex', 'app', { domain: 'ai', name: 'kavita' });
    expect(res.taskStatus).toBe('failed');
    expect(res.log).toContain('Unauthorized action: homelab:test:write. The action is not allowed.');
    expect(written).toEqual([]);
  });

  it.each([['../platform'], ['media/../ai'], ['media\nkind: Secret'], [' media']])(
    'refuses a friend a hostile domain %j, writing nothing',
    async domain => {
      written.length = 0;
      const res = await run('alex', 'app', { domain, name: 'kavita' });
      expect(res.taskStatus).toBe('failed');
      expect(res.log).toContain('Unauthorized action: homelab:test:write');
      expect(written).toEqual([]);
    },
  );

  it('lets an admin write into any domain', async () => {
    written.length = 0;
    const res = await run('owner', 'app', { domain: 'ai', name: 'kavita' });
    expect(res.taskStatus).toBe('completed');
    expect(written).toEqual([{ domain: 'ai', by: 'user:default/owner' }]);
  });

  it('does not let a friend start the admin template, nor see it', async () => {
    written.length = 0;
    const res = await run('alex', 'platform', { domain: 'media', name: 'x' });
    expect(res.status).toBe(404);
    expect(written).toEqual([]);
    const list = await request(server)
      .get('/api/catalog/entities/by-query?filter=kind=template')
      .set('Authorization', as('alex'));
    expect(list.body.items.map((e: any) => e.metadata.name)).toEqual(['app']);
  });

  it('leaves admin-tagged parameter pages out for a friend', async () => {
    const schema = (user: string) =>
      request(server)
        .get('/api/scaffolder/v2/templates/default/template/app/parameter-schema')
        .set('Authorization', as(user));
    expect((await schema('alex')).body.steps.map((s: any) => s.title)).toEqual(['App']);
    expect((await schema('owner')).body.steps.map((s: any) => s.title)).toEqual(['App', 'Placement']);
  });

  it('refuses a friend unregistering an entity and registering a location', async () => {
    const [app] = (
      await request(server)
        .get('/api/catalog/entities/by-query?filter=kind=template,metadata.name=app')
        .set('Authorization', as('owner'))
    ).body.items;
    const del = await request(server)
      .delete(`/api/catalog/entities/by-uid/${app.metadata.uid}`)
      .set('Authorization', as('alex'));
    expect(del.status).toBe(403);
    const loc = await request(server)
      .post('/api/catalog/locations')
      .set('Authorization', as('alex'))
      .send({ type: 'url', target: 'https://example.com/x.yaml' });
    expect(loc.status).toBe(403);
  });
});
