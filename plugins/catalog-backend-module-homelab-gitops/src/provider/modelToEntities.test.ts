import { mockServices } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import { ALL_SCORECARD_RULES, DEFAULT_LAYOUT, DEFAULT_MAX_FILE_SIZE_BYTES } from '@internal/plugin-homelab-gitops-node';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitOpsEntityProvider } from './GitOpsEntityProvider';
import type { GitOpsSource } from './GitOpsSource';

const exampleRepo = resolve(__dirname, '../../../../examples/homelab-gitops');

// What the catalog runs on every entity a provider hands it (Backstage's
// default policies, then the built-in kinds' schemas); an entity failing
// either is dropped from the catalog with "Policy check failed".
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const kindValidators = [
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
];

async function acceptedByCatalog(entity: Entity): Promise<void> {
  await policy.enforce(entity);
  const results = await Promise.all(kindValidators.map(v => v.check(entity)));
  if (!results.includes(true)) throw new Error(`no built-in kind accepts ${entity.kind}`);
}

async function discover(path: string): Promise<Entity[]> {
  const source: GitOpsSource = {
    id: 'homelab-gitops',
    path,
    browseUrl: 'https://github.com/example/homelab-gitops/tree/main',
    owner: 'group:admins',
    layout: DEFAULT_LAYOUT,
    rules: ALL_SCORECARD_RULES,
    schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
    maxFileSizeBytes: DEFAULT_MAX_FILE_SIZE_BYTES,
  };
  const mutations: EntityProviderMutation[] = [];
  const provider = new GitOpsEntityProvider(source, { reader: mockServices.urlReader.mock(), logger: mockServices.logger.mock() });
  await provider.connect({ applyMutation: async m => void mutations.push(m), refresh: async () => {} });
  await provider.refresh();
  const last = mutations[mutations.length - 1];
  if (last?.type !== 'full') throw new Error('no full mutation applied');
  return last.entities.map(e => e.entity);
}

/** Helm-only Argo CD Applications, the way people write chart repos: OCI without a scheme, with a port, a trailing slash; classic HTTPS. */
const HELM_ONLY_APPS = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: oci-plain
  namespace: argocd
spec:
  project: default
  destination: { server: https://kubernetes.default.svc, namespace: tools }
  source:
    repoURL: registry.example.org/charts
    chart: oci-plain
    targetRevision: 1.2.3
    helm:
      values: |
        replicaCount: 1
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: oci-port
  namespace: argocd
spec:
  project: default
  destination: { server: https://kubernetes.default.svc, namespace: tools }
  source:
    repoURL: registry.example.org:5000/team/charts/
    chart: oci-port
    targetRevision: 0.1.0
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: oci-scheme
  namespace: argocd
spec:
  project: default
  destination: { server: https://kubernetes.default.svc, namespace: tools }
  source:
    repoURL: oci://ghcr.io/example/charts
    chart: oci-scheme
    targetRevision: 2.0.0
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: https-chart
  namespace: argocd
spec:
  project: default
  destination: { server: https://kubernetes.default.svc, namespace: tools }
  source:
    repoURL: https://charts.example.org
    chart: https-chart
    targetRevision: 3.0.0
`;

describe('modelToEntities, checked by the catalog’s own validators', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));

  it('emits only entities the catalog accepts for the example repo', async () => {
    const entities = await discover(exampleRepo);
    expect(entities.length).toBeGreaterThan(50);
    for (const entity of entities) {
      await expect(acceptedByCatalog(entity)).resolves.toBeUndefined();
    }
  });

  it('links Helm-only apps from OCI registries written without a scheme as oci:// URLs the catalog accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-oci-'));
    dirs.push(dir);
    cpSync(exampleRepo, dir, { recursive: true });
    writeFileSync(join(dir, 'cluster/platform/gitops/argocd/apps/helm-only-apps.yaml'), HELM_ONLY_APPS);
    const entities = await discover(dir);
    for (const entity of entities) {
      await expect(acceptedByCatalog(entity)).resolves.toBeUndefined();
    }
    const chartLinks = Object.fromEntries(
      entities
        .filter(e => ['oci-plain', 'oci-port', 'oci-scheme', 'https-chart'].includes(e.metadata.name))
        .map(e => [e.metadata.name, e.metadata.links?.map(l => l.url)]),
    );
    expect(chartLinks).toEqual({
      'oci-plain': ['oci://registry.example.org/charts/oci-plain'],
      'oci-port': ['oci://registry.example.org:5000/team/charts/oci-port'],
      'oci-scheme': ['oci://ghcr.io/example/charts'],
      'https-chart': ['https://charts.example.org'],
    });
  });

  it('is a check that can fail: the catalog rejects a chart repo link without a scheme', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x', links: [{ url: 'registry.example.org/charts' }] },
      spec: { type: 'service', lifecycle: 'production', owner: 'group:admins' },
    };
    await expect(acceptedByCatalog(entity)).rejects.toThrow(/links\.0\.url/);
  });
});

describe('the link from domains and systems to the repo’s own architecture page', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })));
  const architectureDocs = (entities: Entity[]) =>
    Object.fromEntries(
      entities
        .filter(e => e.kind === 'Domain' || e.kind === 'System')
        .map(e => [`${e.kind}:${e.metadata.name}`, e.metadata.annotations?.['homelab.dev/architecture-doc']]),
    );

  it('points every domain and system at docs/architecture.md of the example repo, and nothing else at it', async () => {
    const entities = await discover(exampleRepo);
    const docs = architectureDocs(entities);
    expect(Object.keys(docs).length).toBeGreaterThan(10);
    expect(new Set(Object.values(docs))).toEqual(new Set(['architecture/']));
    expect(entities.filter(e => e.kind !== 'Domain' && e.kind !== 'System' && e.metadata.annotations?.['homelab.dev/architecture-doc'])).toEqual([]);
  });

  it('writes no link when the repo has no architecture page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gitops-no-arch-'));
    dirs.push(dir);
    cpSync(exampleRepo, dir, { recursive: true });
    rmSync(join(dir, 'docs/architecture.md'));
    const docs = architectureDocs(await discover(dir));
    expect(new Set(Object.values(docs))).toEqual(new Set([undefined]));
  });
});
