import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import authPlugin from '@backstage/plugin-auth-backend';
import { authModuleHomelab } from './module';

describe('authModuleHomelab', () => {
  const env = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = env;
  });

  function start(config: object) {
    return startTestBackend({
      features: [
        authPlugin,
        authModuleHomelab,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
  }

  it('fails the backend start in production when guest is configured', async () => {
    process.env.NODE_ENV = 'production';
    await expect(
      start({ auth: { providers: { guest: {} } } }),
    ).rejects.toThrow(/Refusing to start: guest sign-in is configured \(auth\.providers\.guest\)/);
  });

  it('signs in the friend guest in development, with the friends group', async () => {
    process.env.NODE_ENV = 'development';
    const { server } = await start({
      app: { baseUrl: 'http://localhost:3000' },
      auth: { providers: { 'guest-friend': {} } },
    });
    const res = await request(server)
      .get('/api/auth/guest-friend/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(200);
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/guest-friend',
      ownershipEntityRefs: ['user:default/guest-friend', 'group:default/friends'],
    });
  });

  it('refuses the friend guest outside development', async () => {
    process.env.NODE_ENV = 'test';
    const { server } = await start({
      app: { baseUrl: 'http://localhost:3000' },
      auth: { providers: { 'guest-friend': {} } },
    });
    const res = await request(server)
      .get('/api/auth/guest-friend/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'The friend guest identity is for development only (NODE_ENV=development)',
    );
  });
});
