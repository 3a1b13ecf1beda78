import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DOCS_CHANGED_TOPIC } from '@internal/plugin-homelab-common';
import { DocsPrebuilder, type DocsPrebuilderOptions, type PrebuildResult } from './DocsPrebuilder';
import { subscribeDocsPrebuild } from './subscribeDocsPrebuild';

const component = (name: string, docs: boolean): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'homelab.dev/gitops-path': `cluster/apps/media/${name}`,
      ...(docs ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:admins', system: 'media-apps' },
});

// The example repo's entities with docs, and one app without.
const catalogEntities = [
  component('homelab-gitops', true),
  component('immich', true),
  component('jellyfin', true),
  component('n8n', true),
  component('plex', false),
];

const FINISHED = 'event: log\ndata: "Prepared 2 docs files"\n\nevent: finish\ndata: {"updated":true}\n\n';

/**
 * TechDocs' sync endpoint as it answers over HTTP: `GET
 * /api/techdocs/sync/:namespace/:kind/:name` with a bearer token, an event
 * stream ending in `finish` or `error`. Records each sync; `hold` keeps the
 * answers back until released.
 */
async function techdocsEndpoint(answer: (path: string) => string = () => FINISHED) {
  const synced: string[] = [];
  const held: Array<() => void> = [];
  let hold = false;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res: ServerResponse) => {
    const path = req.url ?? '';
    if (!path.startsWith('/api/techdocs/sync/') || !/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { name: 'NotFoundError', message: `no ${path}` } }));
      return;
    }
    synced.push(path.slice('/api/techdocs'.length));
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const respond = () => {
      inFlight -= 1;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(answer(path));
    };
    if (hold) held.push(respond);
    else respond();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/techdocs`,
    synced,
    held,
    get maxInFlight() {
      return maxInFlight;
    },
    hold(on: boolean) {
      hold = on;
      if (!on) held.splice(0).forEach(respond => respond());
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise(r => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('subscribeDocsPrebuild', () => {
  let endpoint: Awaited<ReturnType<typeof techdocsEndpoint>>;
  afterEach(() => endpoint?.close());

  /** The subscriber on a real in-process events bus, building through the endpoint. */
  async function subscriber(options: DocsPrebuilderOptions = {}, answer?: (path: string) => string) {
    endpoint = await techdocsEndpoint(answer);
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger });
    const prebuilder = new DocsPrebuilder(
      {
        catalog: catalogServiceMock({ entities: catalogEntities }),
        auth: mockServices.auth(),
        discovery: { getBaseUrl: async () => endpoint.baseUrl, getExternalBaseUrl: async () => endpoint.baseUrl },
        logger,
      },
      { catalogWaitMs: 0, ...options },
    );
    const results: PrebuildResult[] = [];
    await subscribeDocsPrebuild({ events, prebuilder, logger, onBuilt: r => results.push(r) });
    const publish = (entityRefs: string[]) =>
      events.publish({ topic: DOCS_CHANGED_TOPIC, eventPayload: { sourceId: 'homelab-gitops', entityRefs } });
    return { events, publish, results, logger, prebuilder };
  }

  it('builds exactly the entities of an event, and says so per entity', async () => {
    const { publish, results, logger } = await subscriber();
    await publish(['component:default/jellyfin', 'component:default/immich']);
    await until(() => results.length === 1, 'the build');
    expect(endpoint.synced.sort()).toEqual(['/sync/default/Component/immich', '/sync/default/Component/jellyfin']);
    expect(results).toEqual([
      { checked: 2, built: ['component:default/immich', 'component:default/jellyfin'], failed: [], skipped: [] },
    ]);
    const progress = logger.info.mock.calls.map(([message]) => message).filter(m => /^TechDocs prebuild \(/.test(m));
    expect(progress.sort()).toEqual([
      expect.stringMatching(/^TechDocs prebuild \(discovery of homelab-gitops\): 1\/2 checked, 1 built, 0 failed; component:default\/(immich|jellyfin) built$/),
      expect.stringMatching(/^TechDocs prebuild \(discovery of homelab-gitops\): 2\/2 checked, 2 built, 0 failed; component:default\/(immich|jellyfin) built$/),
    ]);
  });

  it('builds nothing for an entity the catalog does not hold with docs', async () => {
    const { publish, results } = await subscriber();
    await publish(['component:default/plex', 'component:default/ghost']);
    await until(() => results.length === 1, 'the build');
    expect(endpoint.synced).toEqual([]);
    expect(results).toEqual([{ checked: 0, built: [], failed: [], skipped: ['component:default/ghost', 'component:default/plex'] }]);
  });

  it('counts a build TechDocs reports as failed, and goes on with the others', async () => {
    const { publish, results } = await subscriber({}, path =>
      path.endsWith('/n8n') ? 'event: error\ndata: "mkdocs failed"\n\n' : 'event: finish\ndata: {"updated":false}\n\n',
    );
    await publish(['component:default/n8n', 'component:default/jellyfin']);
    await until(() => results.length === 1, 'the build');
    expect(results).toEqual([{ checked: 2, built: [], failed: ['component:default/n8n'], skipped: [] }]);
  });

  it('runs at most `concurrency` builds at once, across events', async () => {
    const { publish, results } = await subscriber({ concurrency: 2 });
    endpoint.hold(true);
    await publish(['component:default/homelab-gitops', 'component:default/immich']);
    await publish(['component:default/jellyfin', 'component:default/n8n']);
    await until(() => endpoint.held.length === 2, 'two builds');
    expect(endpoint.synced).toHaveLength(2);
    endpoint.hold(false);
    await until(() => results.length === 2, 'both events');
    expect(endpoint.synced.sort()).toEqual([
      '/sync/default/Component/homelab-gitops',
      '/sync/default/Component/immich',
      '/sync/default/Component/jellyfin',
      '/sync/default/Component/n8n',
    ]);
    expect(endpoint.maxInFlight).toBe(2);
  });

  it('builds an entity two events name while it waits only once', async () => {
    const { publish, results } = await subscriber({ concurrency: 1 });
    endpoint.hold(true);
    await publish(['component:default/homelab-gitops', 'component:default/immich']);
    await until(() => endpoint.held.length === 1, 'the first build');
    await publish(['component:default/immich']);
    endpoint.hold(false);
    await until(() => results.length === 2, 'both events');
    expect(endpoint.synced.filter(p => p.endsWith('/immich'))).toEqual(['/sync/default/Component/immich']);
    expect(results.map(r => r.built)).toEqual([['component:default/homelab-gitops', 'component:default/immich'], ['component:default/immich']]);
  });

  it('ignores an event that is not a docs-changed payload, and builds the next one', async () => {
    const { events, publish, results, logger } = await subscriber();
    await events.publish({ topic: DOCS_CHANGED_TOPIC, eventPayload: { refs: ['component:default/jellyfin'] } });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^Ignoring a homelab\.gitops\.docs-changed event/));
    await publish(['component:default/n8n']);
    await until(() => results.length === 1, 'the build');
    expect(endpoint.synced).toEqual(['/sync/default/Component/n8n']);
  });

  it('sweeps every entity with docs, and none without', async () => {
    const { prebuilder } = await subscriber();
    expect(await prebuilder.run()).toEqual({
      checked: 4,
      built: ['component:default/homelab-gitops', 'component:default/immich', 'component:default/jellyfin', 'component:default/n8n'],
      failed: [],
      skipped: [],
    });
    expect(endpoint.synced.sort()).toEqual([
      '/sync/default/Component/homelab-gitops',
      '/sync/default/Component/immich',
      '/sync/default/Component/jellyfin',
      '/sync/default/Component/n8n',
    ]);
  });
});
