import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { resolve } from 'node:path';
import request from 'supertest';
import { homelabStatePlugin } from '../plugin';

const snapshot = resolve(__dirname, '../../../../examples/cluster-snapshot');

async function serverWith(permissions: ReturnType<typeof mockServices.permissions.mock>) {
  const { server } = await startTestBackend({
    features: [
      homelabStatePlugin,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: { homelab: { state: { source: 'recorded', recorded: { path: snapshot, recordedAt: '2026-11-25T12:00:00Z' } } } },
      }),
    ],
  });
  return server;
}

describe('the router asks the permission service', () => {
  it('answers 403 when it denies homelab.state.read, for the signed-in user', async () => {
    const permissions = mockServices.permissions.mock({ authorize: async () => [{ result: AuthorizeResult.DENY }] });
    const res = await request(await serverWith(permissions))
      .get('/api/homelab-state/overview')
      .set('authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ name: 'NotAllowedError' });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'homelab.state.read' }) }],
      { credentials: expect.objectContaining({ principal: expect.objectContaining({ userEntityRef: 'user:default/alice' }) }) },
    );
  });

  it("reuses one principal's decision for polls within its window, and asks again for another principal", async () => {
    const permissions = mockServices.permissions.mock({ authorize: async () => [{ result: AuthorizeResult.ALLOW }] });
    const server = await serverWith(permissions);
    const alice = mockCredentials.user.header('user:default/alice');
    expect((await request(server).get('/api/homelab-state/overview').set('authorization', alice)).status).toBe(200);
    expect((await request(server).get('/api/homelab-state/objects/cnpg-cluster/database/pg-media').set('authorization', alice)).status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    const bob = mockCredentials.user.header('user:default/bob');
    expect((await request(server).get('/api/homelab-state/overview').set('authorization', bob)).status).toBe(200);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });
});
