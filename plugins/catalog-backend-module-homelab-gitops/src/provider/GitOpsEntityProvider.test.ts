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
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { DOCS_CHANGED_TOPIC, HomelabAnnotations, readDependencyEvidence, readScorecard } from '@internal/plugin-homelab-common';
import { DEFAULT_LAYOUT, ALL_SCORECARD_RULES, DEFAULT_MAX_FILE_SIZE_BYTES } from '@internal/plugin-homelab-gitops-node';
import { cpSync, existsSync, mkdirSync, mkdtempSync, promises as fsPromises, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
    maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_BYTES,
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

  async function catalogExample(overrides: Partial<GitOpsSource> = {}) {
    const provider = new GitOpsEntityProvider(source(overrides), { reader, logger });
    const rec = recordingConnection();
    await provider.connect(rec.connection);
    await provider.refresh();
    return rec;
  }

  it('catalogs exactly these entities', async () => {
    const rec = await catalogExample();
    expect(rec.entities().map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual([
      'Component:ai-shared', 'Component:apps-ingress', 'Component:apps-networkpolicies', 'Component:backstage',
      'Component:backstage-rbac', 'Component:cert-manager',
      'Component:cnpg-operator', 'Component:external-secrets', 'Component:haproxy-ingress', 'Component:headscale',
      'Component:homarr', 'Component:homelab-gitops', 'Component:immich', 'Component:jellyfin',
      'Component:kube-prometheus-stack', 'Component:kuberay-operator', 'Component:kyverno', 'Component:linkerd',
      'Component:media-shared', 'Component:metallb', 'Component:minio', 'Component:n8n',
      'Component:namespaces', 'Component:nextcloud', 'Component:open-webui', 'Component:paperless-ngx',
      'Component:pg-ai', 'Component:pg-media', 'Component:pg-other', 'Component:pg-platform',
      'Component:pg-productivity', 'Component:plex', 'Component:portfolio-prod', 'Component:portfolio-staging',
      'Component:productivity-shared', 'Component:qdrant', 'Component:radarr', 'Component:ray-batch',
      'Component:ray-llm', 'Component:rook-ceph', 'Component:root', 'Component:sonarr',
      'Component:truenas', 'Component:uptime-kuma', 'Component:valkey-cache', 'Component:valkey-queue',
      'Component:vault', 'Component:vaultwarden', 'Component:vertical-pod-autoscaler', 'Component:volsync',
      'Component:web-shared', 'Domain:ai', 'Domain:media', 'Domain:other',
      'Domain:platform', 'Domain:productivity', 'Domain:web', 'Resource:ceph-block',
      'Resource:ceph-blockpool', 'Resource:ceph-filesystem', 'Resource:ceph-filesystem-pool', 'Resource:haproxy',
      'Resource:haproxy-restricted', 'Resource:llm-serve', 'Resource:pg-ai', 'Resource:pg-media',
      'Resource:pg-other', 'Resource:pg-platform', 'Resource:pg-productivity', 'Resource:rag-ingest',
      'Resource:ray-batch', 'Resource:rook-ceph', 'Resource:valkey-cache', 'Resource:valkey-queue',
      'Resource:vault', 'System:ai-apps', 'System:backup', 'System:data',
      'System:gitops', 'System:media-apps', 'System:networking', 'System:observability',
      'System:other-apps', 'System:productivity-apps', 'System:scheduling', 'System:security',
      'System:service-mesh', 'System:storage', 'System:web-apps',
    ]);
  });

  it('relates them with exactly these dependsOn relations, and no others', async () => {
    const rec = await catalogExample();
    const relations = rec.entities().flatMap(e =>
      ((e.spec?.dependsOn as string[] | undefined) ?? []).map(target => `${e.kind.toLowerCase()}:${e.metadata.name} -> ${target}`),
    );
    expect(relations.sort()).toEqual([
      'component:ai-shared -> resource:default/vault',
      'component:backstage -> resource:default/haproxy',
      'component:backstage -> resource:default/pg-platform',
      'component:backstage -> resource:default/vault',
      'component:cert-manager -> resource:default/vault',
      'component:headscale -> resource:default/ceph-block',
      'component:headscale -> resource:default/haproxy',
      'component:headscale -> resource:default/pg-other',
      'component:headscale -> resource:default/vault',
      'component:homarr -> resource:default/ceph-block',
      'component:homarr -> resource:default/haproxy-restricted',
      'component:homarr -> resource:default/vault',
      'component:immich -> resource:default/ceph-block',
      'component:immich -> resource:default/haproxy',
      'component:immich -> resource:default/pg-media',
      'component:immich -> resource:default/valkey-queue',
      'component:immich -> resource:default/vault',
      'component:jellyfin -> resource:default/ceph-block',
      'component:jellyfin -> resource:default/haproxy',
      'component:jellyfin -> resource:default/vault',
      'component:kube-prometheus-stack -> resource:default/ceph-block',
      'component:kube-prometheus-stack -> resource:default/pg-platform',
      'component:kube-prometheus-stack -> resource:default/vault',
      'component:linkerd -> resource:default/vault',
      'component:media-shared -> resource:default/vault',
      'component:minio -> resource:default/haproxy-restricted',
      'component:n8n -> resource:default/ceph-block',
      'component:n8n -> resource:default/haproxy-restricted',
      'component:n8n -> resource:default/llm-serve',
      'component:n8n -> resource:default/pg-ai',
      'component:n8n -> resource:default/valkey-queue',
      'component:n8n -> resource:default/vault',
      'component:nextcloud -> resource:default/ceph-filesystem',
      'component:nextcloud -> resource:default/haproxy',
      'component:nextcloud -> resource:default/pg-productivity',
      'component:nextcloud -> resource:default/valkey-cache',
      'component:nextcloud -> resource:default/vault',
      'component:open-webui -> resource:default/ceph-filesystem',
      'component:open-webui -> resource:default/haproxy',
      'component:open-webui -> resource:default/llm-serve',
      'component:open-webui -> resource:default/pg-ai',
      'component:open-webui -> resource:default/valkey-cache',
      'component:open-webui -> resource:default/vault',
      'component:paperless-ngx -> resource:default/ceph-block',
      'component:paperless-ngx -> resource:default/haproxy-restricted',
      'component:paperless-ngx -> resource:default/pg-productivity',
      'component:paperless-ngx -> resource:default/valkey-queue',
      'component:paperless-ngx -> resource:default/vault',
      'component:pg-ai -> resource:default/ceph-block',
      'component:pg-ai -> resource:default/vault',
      'component:pg-media -> resource:default/ceph-block',
      'component:pg-media -> resource:default/vault',
      'component:pg-other -> resource:default/ceph-block',
      'component:pg-other -> resource:default/vault',
      'component:pg-platform -> resource:default/ceph-block',
      'component:pg-platform -> resource:default/vault',
      'component:pg-productivity -> resource:default/ceph-block',
      'component:pg-productivity -> resource:default/vault',
      'component:portfolio-prod -> resource:default/haproxy',
      'component:portfolio-prod -> resource:default/llm-serve',
      'component:portfolio-prod -> resource:default/valkey-cache',
      'component:portfolio-prod -> resource:default/vault',
      'component:portfolio-staging -> resource:default/haproxy-restricted',
      'component:portfolio-staging -> resource:default/llm-serve',
      'component:portfolio-staging -> resource:default/valkey-cache',
      'component:portfolio-staging -> resource:default/vault',
      'component:productivity-shared -> resource:default/vault',
      'component:qdrant -> resource:default/ceph-block',
      'component:qdrant -> resource:default/vault',
      'component:radarr -> resource:default/ceph-block',
      'component:radarr -> resource:default/haproxy-restricted',
      'component:radarr -> resource:default/pg-media',
      'component:radarr -> resource:default/vault',
      'component:ray-batch -> resource:default/llm-serve',
      'component:ray-batch -> resource:default/pg-ai',
      'component:ray-batch -> resource:default/vault',
      'component:ray-llm -> resource:default/ceph-filesystem',
      'component:sonarr -> resource:default/ceph-block',
      'component:sonarr -> resource:default/haproxy-restricted',
      'component:sonarr -> resource:default/pg-media',
      'component:sonarr -> resource:default/vault',
      'component:truenas -> resource:default/haproxy-restricted',
      'component:uptime-kuma -> resource:default/ceph-block',
      'component:valkey-cache -> resource:default/vault',
      'component:valkey-queue -> resource:default/ceph-block',
      'component:valkey-queue -> resource:default/vault',
      'component:vault -> resource:default/ceph-block',
      'component:vaultwarden -> resource:default/ceph-block',
      'component:vaultwarden -> resource:default/haproxy',
      'component:vaultwarden -> resource:default/pg-productivity',
      'component:vaultwarden -> resource:default/vault',
      'component:web-shared -> resource:default/vault',
      'resource:pg-ai -> resource:default/ceph-block',
      'resource:pg-media -> resource:default/ceph-block',
      'resource:pg-other -> resource:default/ceph-block',
      'resource:pg-platform -> resource:default/ceph-block',
      'resource:pg-productivity -> resource:default/ceph-block',
    ]);
    // Nothing is written the other way round: the deployer of a resource is named by annotation only.
    expect(rec.entities().filter(e => e.spec?.dependencyOf)).toEqual([]);
  });

  it('names the deployer of a resource by annotation, and keeps dependsOn for its consumers', async () => {
    const entities = (await catalogExample()).entities();
    const pg = find(entities, 'Resource', 'pg-media');
    expect(pg.metadata.annotations?.[HomelabAnnotations.deployedBy]).toBe('component:default/pg-media');
    const consumers = entities.filter(e => ((e.spec?.dependsOn as string[]) ?? []).includes('resource:default/pg-media'));
    expect(consumers.map(e => e.metadata.name).sort()).toEqual(['immich', 'radarr', 'sonarr']);
    expect(find(entities, 'Component', 'pg-media').spec?.dependsOn).toEqual(['resource:default/ceph-block', 'resource:default/vault']);
  });

  it('catalogs a Helm-installed cache as a resource named after the release, found by its instance label', async () => {
    const cache = find((await catalogExample()).entities(), 'Resource', 'valkey-cache');
    expect(cache.spec).toEqual({ type: 'cache', owner: 'group:admins', system: 'data' });
    expect(cache.metadata.tags).toEqual(['cache', 'helm', 'valkey']);
    expect(cache.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/instance=valkey-cache',
      'backstage.io/kubernetes-namespace': 'database',
      [HomelabAnnotations.k8sNamespace]: 'database',
      [HomelabAnnotations.deployedBy]: 'component:default/valkey-cache',
      [HomelabAnnotations.gitopsPath]: 'cluster/platform/base/data/data-definitions/valkey/cache/values.yaml',
    });
    // The chart renders the objects: no single Kubernetes object is named.
    expect(cache.metadata.annotations?.[HomelabAnnotations.k8sKind]).toBeUndefined();
  });

  it('links and tags the chart of a Helm-only component; an OCI registry without scheme becomes an oci:// link', async () => {
    const entities = (await catalogExample({ browseUrl: 'https://github.com/example/homelab-gitops/tree/main' })).entities();
    const volsync = find(entities, 'Component', 'volsync');
    expect(volsync.metadata.tags).toEqual(['platform', 'helm', 'volsync']);
    expect(volsync.metadata.links).toEqual([{ url: 'https://backube.github.io/helm-charts/', title: 'Helm chart volsync 0.13.0', icon: 'catalog' }]);
    expect(volsync.metadata.annotations?.['backstage.io/edit-url']).toBe(
      'https://github.com/example/homelab-gitops/edit/main/cluster/platform/gitops/argocd/apps/volsync-app.yaml',
    );
    expect(find(entities, 'Component', 'valkey-queue').metadata.links).toEqual([
      { url: 'oci://registry-1.docker.io/bitnamicharts/valkey', title: 'Helm chart valkey 3.0.22', icon: 'catalog' },
    ]);
    expect(find(entities, 'Component', 'sonarr').metadata.links).toContainEqual({
      url: 'https://github.com/example/homelab-gitops/tree/main/charts/servarr/',
      title: 'Helm chart servarr 0.3.1 (vendored in charts/servarr)',
      icon: 'catalog',
    });
  });

  it('skips an oversized file with one warning naming it and its size, on the repo entity and in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-hostile-'));
    try {
      cpSync(exampleRepo, dir, { recursive: true });
      writeFileSync(join(dir, 'cluster/apps/media/jellyfin/huge.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  x: "${'x'.repeat(2048)}"\n`);
      const warn = mockServices.logger.mock();
      // 1 KiB stands in for the 4 MiB default, which readLocalRepo's own test checks on a 54 MB file.
      const provider = new GitOpsEntityProvider(source({ path: dir, maxFileSizeBytes: 1024 }), { reader, logger: warn });
      const rec = recordingConnection();
      await provider.connect(rec.connection);
      await provider.refresh();
      const problems = JSON.parse(find(rec.entities(), 'Component', 'homelab-gitops').metadata.annotations![HomelabAnnotations.gitopsProblems]);
      const ofFile = (f: string) => problems.filter((p: { file: string }) => p.file === `cluster/apps/media/jellyfin/${f}`);
      expect(ofFile('huge.yaml')).toEqual([{ file: 'cluster/apps/media/jellyfin/huge.yaml', message: expect.stringMatching(/^skipped: 2\.\d KiB is over the 1\.0 KiB per-file limit/) }]);
      const logged = (f: string) => warn.warn.mock.calls.filter(c => String(c[0]).includes(`jellyfin/${f}`));
      expect(logged('huge.yaml')).toHaveLength(1);
      expect(find(rec.entities(), 'Component', 'jellyfin')).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a 5,000-deep nested file exactly one warning, on the repo entity and in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-deep-'));
    try {
      cpSync(exampleRepo, dir, { recursive: true });
      writeFileSync(
        join(dir, 'cluster/apps/media/jellyfin/deep.yaml'),
        Array.from({ length: 30 }, () => `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`).join('---\n'),
      );
      const warn = mockServices.logger.mock();
      const provider = new GitOpsEntityProvider(source({ path: dir }), { reader, logger: warn });
      const rec = recordingConnection();
      await provider.connect(rec.connection);
      expect(await provider.refresh()).toMatchObject({ status: 'updated', problems: 1 });
      const problems = JSON.parse(find(rec.entities(), 'Component', 'homelab-gitops').metadata.annotations![HomelabAnnotations.gitopsProblems]);
      expect(problems).toEqual([expect.objectContaining({ file: 'cluster/apps/media/jellyfin/deep.yaml', message: expect.stringMatching(/^YAML error: /) })]);
      expect(warn.warn.mock.calls.filter(c => String(c[0]).includes('deep.yaml'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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
    expect(immich.metadata.links).toContainEqual({ url: 'https://immich.homelab.example', title: 'immich.homelab.example', icon: 'web', type: 'ingress-host' });
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
    const llm = find(entities, 'Resource', 'llm-serve');
    expect(llm.spec).toEqual({ type: 'ray-service', owner: 'group:admins', system: 'ai-apps' });
    expect(llm.metadata.annotations?.[HomelabAnnotations.deployedBy]).toBe('component:default/ray-llm');
    expect(find(entities, 'Component', 'portfolio-prod').spec).toMatchObject({ type: 'website' });
    // An app names its owner with an annotation on its kustomization.
    expect(find(entities, 'Component', 'n8n').spec).toMatchObject({ owner: 'user:alex' });
    expect(find(entities, 'Component', 'rook-ceph').spec).toMatchObject({ type: 'platform', system: 'storage' });
    expect(find(entities, 'Component', 'rook-ceph').metadata.links).toContainEqual(expect.objectContaining({ title: expect.stringMatching(/^Helm chart rook-ceph /) }));
    expect(find(entities, 'Component', 'homelab-gitops').metadata.annotations).toMatchObject({
      'backstage.io/techdocs-ref': 'dir:.',
      'backstage.io/managed-by-location': `file:${exampleRepo}/mkdocs.yml`,
    });
    // Docs: the repo's docs folder and every unit directory with a README.
    expect(
      entities.filter(e => e.metadata.annotations?.['backstage.io/techdocs-ref'] === 'dir:.').map(e => e.metadata.name).sort(),
    ).toEqual(['homelab-gitops', 'immich', 'jellyfin', 'n8n']);
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
    const extracted: string[] = [];
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
          // What the UrlReader does: extract the tree to a fresh directory.
          dir: async () => {
            const target = mkdtempSync(join(tmpdir(), 'gitops-tree-'));
            extracted.push(target);
            for (const f of files) {
              mkdirSync(dirname(join(target, f.path)), { recursive: true });
              writeFileSync(join(target, f.path), f.text);
            }
            return target;
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
    // The extracted tree is read from disk (so the size limit is checked before reading) and removed.
    expect(extracted).toHaveLength(1);
    expect(existsSync(extracted[0])).toBe(false);
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

describe('GitOpsEntityProvider and docs changes', () => {
  const logger = mockServices.logger.mock();
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));

  /** A provider over a copy of the example repo, and what it publishes on the real in-process events bus. */
  async function docsWatch() {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-docs-'));
    dirs.push(dir);
    cpSync(exampleRepo, dir, { recursive: true });
    const events = DefaultEventsService.create({ logger });
    const published: unknown[] = [];
    await events.subscribe({
      id: 'docs-changes-test',
      topics: [DOCS_CHANGED_TOPIC],
      onEvent: async ({ eventPayload }) => {
        published.push(eventPayload);
      },
    });
    const provider = new GitOpsEntityProvider(source({ path: dir }), { reader: mockServices.urlReader.mock(), logger, events });
    await provider.connect(recordingConnection().connection);
    return { dir, provider, published };
  }

  it('publishes every entity with docs after the first run', async () => {
    const { provider, published } = await docsWatch();
    await provider.refresh();
    expect(published).toEqual([
      {
        sourceId: 'homelab-gitops',
        entityRefs: ['component:default/homelab-gitops', 'component:default/immich', 'component:default/jellyfin', 'component:default/n8n'],
      },
    ]);
  });

  it('publishes nothing when a run changes the catalog but no docs', async () => {
    const { dir, provider, published } = await docsWatch();
    await provider.refresh();
    writeFileSync(join(dir, 'cluster/apps/media/jellyfin/configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: jellyfin-extra\n');
    expect(await provider.refresh()).toMatchObject({ status: 'updated', docsChanged: [] });
    expect(published).toHaveLength(1);
  });

  it('publishes exactly the entity whose doc file was edited', async () => {
    const { dir, provider, published } = await docsWatch();
    await provider.refresh();
    writeFileSync(join(dir, 'cluster/apps/media/jellyfin/README.md'), '# Jellyfin\n\nNow with subtitles.\n');
    await provider.refresh();
    writeFileSync(join(dir, 'docs/runbooks/cnpg-failover.md'), '# CNPG failover\n\nRewritten.\n');
    await provider.refresh();
    expect(published.slice(1)).toEqual([
      { sourceId: 'homelab-gitops', entityRefs: ['component:default/jellyfin'] },
      { sourceId: 'homelab-gitops', entityRefs: ['component:default/homelab-gitops'] },
    ]);
  });
});
