import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { homelabGitopsPlugin } from './plugin';

const component = (name: string, path: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { [HomelabAnnotations.gitopsPath]: path, [HomelabAnnotations.gitopsSource]: 'homelab-gitops' },
  },
  spec: {},
});

async function backendWith(sources: Array<Record<string, string>>) {
  const { server } = await startTestBackend({
    features: [
      homelabGitopsPlugin,
      catalogServiceMock.factory({ entities: [component('jellyfin', 'cluster/apps/media/jellyfin'), component('media', 'cluster/apps/media')] }),
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({ data: { homelab: { gitops: { sources } } } }),
    ],
  });
  return server;
}

describe('GET /api/homelab-gitops/recent-changes', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-backend-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('maps the checkout history to components', async () => {
    mkdirSync(join(root, 'cluster/apps/media/jellyfin'), { recursive: true });
    writeFileSync(join(root, 'cluster/apps/media/jellyfin/kustomization.yaml'), 'resources: []\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['commit', '-q', '-m', 'Add jellyfin'], {
      cwd: root,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'alice',
        GIT_AUTHOR_EMAIL: 'alice@example.test',
        GIT_COMMITTER_NAME: 'alice',
        GIT_COMMITTER_EMAIL: 'alice@example.test',
        GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
        GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
      },
    });
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
    const server = await backendWith([{ id: 'homelab-gitops', path: root }]);

    const denied = await request(server).get('/api/homelab-gitops/recent-changes');
    expect(denied.status).toBe(401);

    const res = await request(server).get('/api/homelab-gitops/recent-changes').set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: 'git',
      items: [
        {
          entityRef: 'component:default/jellyfin',
          name: 'jellyfin',
          source: 'homelab-gitops',
          sha,
          subject: 'Add jellyfin',
          author: 'alice',
          date: '2026-11-01T10:00:00.000Z',
        },
      ],
    });

    const bad = await request(server).get('/api/homelab-gitops/recent-changes?limit=0').set('authorization', mockCredentials.user.header());
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('limit must be a whole number from 1 to 50');
  });

  it('answers from the catalog for a url source or a folder that is not a checkout', async () => {
    const server = await backendWith([
      { id: 'remote', url: 'https://github.com/example/gitops/tree/main' },
      { id: 'homelab-gitops', path: root },
    ]);
    const res = await request(server).get('/api/homelab-gitops/recent-changes').set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ source: 'catalog', items: [] });
  });
});
