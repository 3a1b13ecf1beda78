import { mockServices } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  Entity,
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { EntityProviderConnection, EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { HomelabAnnotations, readDependencyEvidence, readScorecard } from '@internal/plugin-homelab-common';
import { DEFAULT_LAYOUT, ALL_SCORECARD_RULES } from '@internal/plugin-homelab-gitops-node';
import { cpSync, mkdtempSync, promises as fsPromises, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { GitOpsEntityProvider } from './GitOpsEntityProvider';
import type { GitOpsSource } from './GitOpsSource';

// Counts parses (still parsing for real) so a test can tell a skipped refresh
// from one that re-parsed the repo and happened to produce the same entities.
jest.mock('yaml', () => {
  const actual = jest.requireActual('yaml');
  return { ...actual, parseAllDocuments: jest.fn(actual.parseAllDocuments) };
});

const exampleRepo = resolve(__dirname, '../../../../examples/homelab-gitops');

function source(overrides: Partial<GitOpsSource> = {}): GitOpsSource {
  return {
    id: 'homelab-gitops',
    path: exampleRepo,
    owner: 'group:admins',
    layout: DEFAULT_LAYOUT,
    rules: ALL_SCORECARD_RULES,
    schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    ...overrides,
  };
}

/** Records what the provider hands the catalog. */
function recordingConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async m => {
      mutations.push(m);
    },
    refresh: async () => {},
  };
  const entities = () => {
    const last = mutations[mutations.length - 1];
    if (!last || last.type !== 'full') throw new Error('no full mutation applied');
    return last.entities.map(e => e.entity);
  };
  return { connection, mutations, entities };
}

const find = (entities: Entity[], kind: string, name: string) => {
  const e = entities.find(x => x.kind === kind && x.metadata.name === name);
  if (!e) throw new Error(`no ${kind} ${name}`);
  return e;
};

describe('GitOpsEntityProvider', () => {
  const logger = mockServices.logger.mock();
  const reader = mockServices.urlReader.mock();

  it('catalogs the example repo as valid, related entities', async () => {
    const provider = new GitOpsEntityProvider(source(), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    expect(await provider.refresh()).toMatchObject({ status: 'updated', problems: 0 });

    const entities = rec.entities();
    const formats = new FieldFormatEntityPolicy();
    const schema = new SchemaValidEntityPolicy();
    const validators = [componentEntityV1alpha1Validator, resourceEntityV1alpha1Validator, systemEntityV1alpha1Validator, domainEntityV1alpha1Validator];
    for (const e of entities) {
      await expect(schema.enforce(e)).resolves.toBeDefined();
      await expect(formats.enforce(e)).resolves.toBeDefined();
      const results = await Promise.all(validators.map(v => v.check(e)));
      expect(results.some(Boolean)).toBe(true);
    }
    const names = new Set(entities.map(e => `${e.kind}:${e.metadata.name}`));
    expect(names.size).toBe(entities.length);

    expect(find(entities, 'Domain', 'media').spec).toEqual({ owner: 'group:admins' });
    expect(find(entities, 'System', 'media-apps').spec).toMatchObject({ domain: 'media' });
    expect(find(entities, 'System', 'data').spec).toMatchObject({ domain: 'platform' });

    const immich = find(entities, 'Component', 'immich');
    expect(immich.spec).toMatchObject({
      type: 'service',
      owner: 'group:admins',
      system: 'media-apps',
      dependsOn: expect.arrayContaining(['resource:default/pg-media', 'resource:default/valkey-queue', 'resource:default/ceph-block', 'resource:default/vault']),
    });
    expect(immich.metadata.annotations).toMatchObject({
      'argocd/app-name': 'immich',
      'backstage.io/kubernetes-namespace': 'media',
      [HomelabAnnotations.gitopsPath]: 'cluster/apps/media/immich',
    });
    expect(immich.metadata.links).toContainEqual({ url: 'https://immich.homelab.example', title: 'immich.homelab.example', icon: 'web' });
    expect(readDependencyEvidence(immich).find(d => d.target === 'resource:default/pg-media')?.file).toBe(
      'cluster/apps/media/immich/configmap.yaml',
    );

    const pg = find(entities, 'Resource', 'pg-media');
    expect(pg.spec).toMatchObject({ type: 'postgres-cluster', system: 'data', dependsOn: ['resource:default/ceph-block'] });
    expect(pg.metadata.annotations).toMatchObject({
      [HomelabAnnotations.k8sApiVersion]: 'postgresql.cnpg.io/v1',
      [HomelabAnnotations.k8sKind]: 'Cluster',
      [HomelabAnnotations.k8sNamespace]: 'database',
      [HomelabAnnotations.k8sName]: 'pg-media',
    });
    expect(find(entities, 'Resource', 'llm-serve').spec).toMatchObject({ type: 'ray-service', dependencyOf: ['component:default/ray-llm'] });
    expect(find(entities, 'Component', 'portfolio-prod').spec).toMatchObject({ type: 'website' });
    // An app names its owner with an annotation on its kustomization.
    expect(find(entities, 'Component', 'n8n').spec).toMatchObject({ owner: 'user:alex' });
    expect(find(entities, 'Component', 'rook-ceph').spec).toMatchObject({ type: 'platform', system: 'storage' });
    expect(find(entities, 'Component', 'rook-ceph').metadata.links).toContainEqual(expect.objectContaining({ title: expect.stringMatching(/^Helm chart rook-ceph /) }));
    expect(find(entities, 'Component', 'homelab-gitops').metadata.annotations).toMatchObject({
      'backstage.io/techdocs-ref': 'dir:.',
      'backstage.io/managed-by-location': `file:${exampleRepo}/mkdocs.yml`,
    });
  });

  it.each([
    ['headscale', 'image-pinned', /headscale-ui:latest/],
    ['radarr', 'resources-set', /container radarr sets no requests or limits/],
    ['portfolio-staging', 'pdb-for-replicas', /without a PodDisruptionBudget/],
    ['homarr', 'non-root', /runs as root/],
    ['uptime-kuma', 'argo-application', /No Argo CD Application/],
    ['plex', 'argo-path-exists', /cluster\/apps\/media\/plex, which does not exist/],
    ['sonarr', 'ingress-tls', /no tls section/],
    ['radarr', 'pvc-backed-up', /radarr-config is not covered/],
    ['pg-other', 'postgres-scheduled-backup', /has no ScheduledBackup/],
  ])('scorecard of %s flags %s', async (name, rule, message) => {
    const provider = new GitOpsEntityProvider(source(), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    await provider.refresh();
    const entity = rec.entities().find(e => e.metadata.name === name && e.kind === 'Component')!;
    const result = readScorecard(entity);
    expect(result.kind).toBe('ok');
    const failed = result.kind === 'ok' ? result.findings.filter(f => f.rule === rule && !f.passed) : [];
    expect(failed.map(f => f.message)).toContainEqual(expect.stringMatching(message));
    expect(failed[0].file).toBeTruthy();
  });

  it('passes the rules a well-kept app keeps', async () => {
    const provider = new GitOpsEntityProvider(source(), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    await provider.refresh();
    const result = readScorecard(find(rec.entities(), 'Component', 'vaultwarden'));
    expect(result.kind === 'ok' && result.findings.filter(f => !f.passed && f.rule !== 'pvc-backed-up')).toEqual([]);
  });

  it('does nothing when the tree is unchanged and catches up when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-'));
    cpSync(exampleRepo, dir, { recursive: true });
    const provider = new GitOpsEntityProvider(source({ path: dir }), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    await provider.refresh();
    expect(await provider.refresh()).toMatchObject({ status: 'unchanged' });
    expect(rec.mutations).toHaveLength(1);

    writeFileSync(join(dir, 'cluster/apps/media/jellyfin/broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [oops\n');
    expect(await provider.refresh()).toMatchObject({ status: 'updated', problems: 1 });
    expect(rec.mutations).toHaveLength(2);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/cluster\/apps\/media\/jellyfin\/broken\.yaml:\d+: YAML error/));
    // The rest of the repo is still cataloged, and the problem is on the repo's entity.
    const repo = find(rec.entities(), 'Component', 'homelab-gitops');
    expect(JSON.parse(repo.metadata.annotations![HomelabAnnotations.gitopsProblems])).toEqual([
      expect.objectContaining({ file: 'cluster/apps/media/jellyfin/broken.yaml', line: expect.any(Number) }),
    ]);
    expect(find(rec.entities(), 'Component', 'jellyfin')).toBeDefined();
  });

  it('neither reads nor parses an unchanged local tree, and notices a touched file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-'));
    cpSync(exampleRepo, dir, { recursive: true });
    const provider = new GitOpsEntityProvider(source({ path: dir }), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    const parses = jest.mocked(parseAllDocuments);
    const reads = jest.spyOn(fsPromises, 'readFile');
    try {
      await provider.refresh();
      expect(parses.mock.calls.length).toBeGreaterThan(100);
      expect(reads.mock.calls.length).toBeGreaterThan(100);

      parses.mockClear();
      reads.mockClear();
      expect(await provider.refresh()).toMatchObject({ status: 'unchanged' });
      expect(parses).not.toHaveBeenCalled();
      expect(reads).not.toHaveBeenCalled();
      expect(rec.mutations).toHaveLength(1);

      // Same content, new modification time (a checkout rewriting a file):
      // read and parsed again, because the fingerprint cannot know better.
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, 'cluster/apps/media/jellyfin/deployment.yaml'), later, later);
      expect(await provider.refresh()).toMatchObject({ status: 'updated' });
      expect(parses.mock.calls.length).toBeGreaterThan(100);
      expect(rec.mutations).toHaveLength(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('says which directory is missing', async () => {
    const provider = new GitOpsEntityProvider(source({ path: '/nonexistent/repo' }), { reader, logger });
    await provider.connect(recordingConnection().connection);
    await expect(provider.refresh()).rejects.toThrow('GitOps repo directory /nonexistent/repo does not exist');
  });

  it('reads a remote repo through the UrlReader and skips unchanged trees by etag', async () => {
    const files = [
      { path: 'cluster/apps/media/jellyfin/kustomization.yaml', text: 'kind: Kustomization\nnamespace: media\nresources: [deployment.yaml]\n' },
      {
        path: 'cluster/apps/media/jellyfin/deployment.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: jellyfin\nspec:\n  selector:\n    matchLabels: {app: jellyfin}\n  template:\n    metadata:\n      labels: {app: jellyfin}\n    spec:\n      containers:\n        - name: jellyfin\n          image: jellyfin/jellyfin:10.10.7\n',
      },
    ];
    const calls: Array<string | undefined> = [];
    const remote: UrlReaderService = {
      readUrl: async () => {
        throw new Error('not used');
      },
      search: async () => {
        throw new Error('not used');
      },
      readTree: async (_url, options) => {
        calls.push(options?.etag);
        if (options?.etag === 'sha-1') throw new NotModifiedError('unchanged');
        return {
          etag: 'sha-1',
          files: async () => files.map(f => ({ path: f.path, content: async () => Buffer.from(f.text) })),
          archive: async () => {
            throw new Error('not used');
          },
          dir: async () => {
            throw new Error('not used');
          },
        };
      },
    };
    const provider = new GitOpsEntityProvider(
      source({ path: undefined, url: 'https://github.com/example/homelab-gitops/tree/main', browseUrl: 'https://github.com/example/homelab-gitops/tree/main' }),
      { reader: remote, logger },
    );
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    expect(await provider.refresh()).toMatchObject({ status: 'updated' });
    expect(await provider.refresh()).toMatchObject({ status: 'unchanged' });
    expect(calls).toEqual([undefined, 'sha-1']);
    const jellyfin = find(rec.entities(), 'Component', 'jellyfin');
    expect(jellyfin.metadata.annotations).toMatchObject({
      'backstage.io/source-location': 'url:https://github.com/example/homelab-gitops/tree/main/cluster/apps/media/jellyfin/',
      'backstage.io/edit-url': 'https://github.com/example/homelab-gitops/edit/main/cluster/apps/media/jellyfin/kustomization.yaml',
      'backstage.io/kubernetes-label-selector': 'app=jellyfin',
    });
  });
});

describe('GitOpsEntityProvider on a differently laid out repo', () => {
  it('catalogs examples/flat-homelab with configuration only', async () => {
    const provider = new GitOpsEntityProvider(
      source({
        id: 'flat-homelab',
        path: resolve(__dirname, '../../../../examples/flat-homelab'),
        layout: { ...DEFAULT_LAYOUT, apps: [{ root: 'apps', unit: 'file', exclude: [] }], systems: [], websiteDomains: [] },
      }),
      { reader: mockServices.urlReader.mock(), logger: mockServices.logger.mock() },
    );
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    expect(await provider.refresh()).toMatchObject({ status: 'updated', problems: 0 });
    const entities = rec.entities();
    const schema = new SchemaValidEntityPolicy();
    for (const e of entities) await expect(schema.enforce(e)).resolves.toBeDefined();
    expect(entities.filter(e => e.kind === 'Domain').map(e => e.metadata.name).sort()).toEqual(['gpu', 'mini', 'nas', 'platform']);
    const immich = find(entities, 'Component', 'immich');
    expect(immich.spec).toMatchObject({
      system: 'nas-apps',
      dependsOn: expect.arrayContaining(['resource:default/immich-db', 'resource:default/redis']),
    });
    expect(immich.metadata.annotations).toMatchObject({ 'argocd/app-name': 'homelab', 'backstage.io/kubernetes-namespace': 'homelab' });
    expect(immich.metadata.links).toContainEqual(expect.objectContaining({ url: 'https://photos.lan.example' }));
    expect(find(entities, 'Resource', 'immich-db').spec).toMatchObject({ type: 'postgres-cluster' });
    expect(entities.some(e => e.metadata.name === 'nvidia-runtime')).toBe(false);
    const zigbee = readScorecard(find(entities, 'Component', 'zigbee2mqtt'));
    expect(zigbee.kind === 'ok' && zigbee.findings.find(f => f.rule === 'ingress-tls')).toMatchObject({ passed: false });
  });
});
