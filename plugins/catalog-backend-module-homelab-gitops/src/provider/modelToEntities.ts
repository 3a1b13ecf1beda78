import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ComponentTypes,
  HomelabAnnotations,
  ingressHostLink,
  ResourceTypes,
  StockAnnotations,
} from '@internal/plugin-homelab-common';
import type { DependencyEvidence } from '@internal/plugin-homelab-common';
import type { HelmChartSource, ModelScorecard, RepoModel, RepoResource, RepoUnit } from '@internal/plugin-homelab-gitops-node';
import { architecturePagePath, findDocs, HELM_INSTANCE_LABEL } from '@internal/plugin-homelab-gitops-node';
import type { GitOpsSource } from './GitOpsSource';

const API_VERSION = 'backstage.io/v1alpha1';
const componentRef = (name: string) => stringifyEntityRef({ kind: 'component', namespace: 'default', name });
const resourceRef = (name: string) => stringifyEntityRef({ kind: 'resource', namespace: 'default', name });
const NO_SCORECARD: ModelScorecard = { units: new Map(), resources: new Map() };

/** A chart repository as a URL: OCI registries are often written without a scheme. */
function chartUrl(c: HelmChartSource): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(c.repoURL)) return c.repoURL;
  return `oci://${c.repoURL.replace(/\/+$/, '')}/${c.chart}`;
}

/** A chart name as a catalog tag (lowercase, dashes, at most 63 characters). */
const chartTag = (chart: string) =>
  chart
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Where an entity of the repo is. The managed-by location is where the
 * catalog (and TechDocs) read the repo from; source and edit links are where
 * people browse it, which for a local checkout may be its hosted origin.
 */
function locate(source: GitOpsSource, repoPath: string, isFile: boolean) {
  const clean = repoPath.replace(/^\/+/, '');
  const dirPath = isFile ? dirOf(clean) : clean;
  const join = (base: string, p: string, trailing: boolean) =>
    `${base}${p ? `/${p}` : ''}${trailing ? '/' : ''}`;
  const readBase = source.path ? `file:${source.path}` : `url:${source.url!.replace(/\/+$/, '')}`;
  // A file, not the directory: TechDocs and the catalog resolve `dir:.` and
  // relative targets against the location's parent.
  const location = isFile ? join(readBase, clean, false) : join(readBase, `${clean ? `${clean}/` : ''}${clean ? 'kustomization.yaml' : 'mkdocs.yml'}`, false);
  if (!source.browseUrl) {
    // Backstage resolves `dir:` refs against the parent of a file: source
    // location, so it names a file of the directory, like the location.
    return { location, sourceLocation: location, editUrl: undefined };
  }
  return {
    location,
    sourceLocation: `url:${join(source.browseUrl, dirPath, true)}`,
    editUrl: source.browseUrl.includes('/tree/')
      ? join(source.browseUrl.replace('/tree/', '/edit/'), isFile ? clean : `${clean}/kustomization.yaml`, false)
      : undefined,
  };
}

function baseAnnotations(source: GitOpsSource, repoPath: string, isFile: boolean) {
  const loc = locate(source, repoPath, isFile);
  const annotations: Record<string, string> = {
    [StockAnnotations.managedByLocation]: loc.location,
    [StockAnnotations.managedByOriginLocation]: loc.location,
    [StockAnnotations.sourceLocation]: loc.sourceLocation,
    [HomelabAnnotations.gitopsPath]: repoPath,
    [HomelabAnnotations.gitopsSource]: source.id,
  };
  if (loc.editUrl) annotations[StockAnnotations.editUrl] = loc.editUrl;
  if (source.kubernetesCluster) annotations[StockAnnotations.kubernetesCluster] = source.kubernetesCluster;
  return annotations;
}

// Docs are a README, a docs/ folder or a mkdocs.yml (see findDocs); the
// TechDocs preparer builds them from a prepared copy, never in place.
// Decided for the root and every unit in one pass over the paths, once per model.
const docsDirs = new WeakMap<RepoModel, { asked: Set<string>; found: Set<string> }>();
function hasDocs(model: RepoModel, dir: string): boolean {
  let known = docsDirs.get(model);
  if (!known || !known.asked.has(dir)) {
    const asked = new Set(['', dir, ...model.units.map(u => u.path)]);
    known = { asked, found: new Set(findDocs(model.paths, [...asked]).map(d => d.dir)) };
    docsDirs.set(model, known);
  }
  return known.found.has(dir);
}

const RESOURCE_TITLES: Record<string, string> = {
  [ResourceTypes.postgresCluster]: 'Postgres cluster',
  [ResourceTypes.cache]: 'Cache',
  [ResourceTypes.cephCluster]: 'Ceph cluster',
  [ResourceTypes.storagePool]: 'Ceph storage pool',
  [ResourceTypes.storageClass]: 'StorageClass',
  [ResourceTypes.secretStore]: 'Secret store',
  [ResourceTypes.ingressClass]: 'IngressClass',
  [ResourceTypes.rayCluster]: 'Ray cluster',
  [ResourceTypes.rayService]: 'Ray Serve service',
  [ResourceTypes.rayJob]: 'Ray job',
};

function componentType(unit: RepoUnit): string {
  if (unit.layer === 'platform') return ComponentTypes.platform;
  return unit.website ? ComponentTypes.website : ComponentTypes.service;
}

function componentEntity(unit: RepoUnit, model: RepoModel, source: GitOpsSource, scorecard: ModelScorecard): Entity {
  const annotations = baseAnnotations(source, unit.path, unit.unit === 'file');
  if (unit.labelSelector && unit.namespace) {
    annotations[StockAnnotations.kubernetesLabelSelector] = unit.labelSelector;
  } else if (!unit.labelSelector) {
    annotations[StockAnnotations.kubernetesId] = unit.name;
  }
  if (unit.namespace) annotations[StockAnnotations.kubernetesNamespace] = unit.namespace;
  if (unit.argoApps.length > 0) annotations[StockAnnotations.argocdAppName] = unit.argoApps[0].name;
  const evidence: DependencyEvidence[] = unit.dependencies.map(d => ({
    target: resourceRef(d.target),
    file: d.file,
    reason: d.reason,
  }));
  if (evidence.length > 0) annotations[HomelabAnnotations.dependencyEvidence] = JSON.stringify(evidence);
  const findings = scorecard.units.get(unit.name) ?? [];
  if (findings.length > 0) annotations[HomelabAnnotations.scorecard] = JSON.stringify(findings);
  if (hasDocs(model, unit.path)) annotations[StockAnnotations.techdocsRef] = 'dir:.';

  const links = [
    ...unit.hosts.map(ingressHostLink),
    ...unit.argoApps.flatMap(a =>
      a.charts.map(c => ({
        url: c.path && source.browseUrl ? `${source.browseUrl}/${c.path}/` : chartUrl(c),
        title: `Helm chart ${c.chart}${c.targetRevision ? ` ${c.targetRevision}` : ''}${c.path ? ` (vendored in ${c.path})` : ''}`,
        icon: 'catalog',
      })),
    ),
  ];
  const charts = unit.argoApps.flatMap(a => a.charts);
  return {
    apiVersion: API_VERSION,
    kind: 'Component',
    metadata: {
      name: unit.name,
      title: unit.name,
      description:
        unit.layer === 'platform'
          ? `Platform component deployed by Argo CD Application ${unit.argoApps[0]?.name ?? unit.name}.`
          : `${unit.domain} app in ${unit.path}.`,
      annotations,
      tags: [unit.domain, ...(charts.length > 0 ? ['helm', ...charts.map(c => chartTag(c.chart))] : [])].filter(
        (t, i, all) => t && all.indexOf(t) === i,
      ),
      ...(links.length > 0 ? { links } : {}),
    },
    spec: {
      type: componentType(unit),
      lifecycle: 'production',
      owner: unit.owner ?? source.owner,
      system: unit.system,
      ...(unit.dependencies.length > 0 ? { dependsOn: unit.dependencies.map(d => resourceRef(d.target)) } : {}),
    },
  };
}

function resourceAnnotations(resource: RepoResource, source: GitOpsSource): Record<string, string> {
  const m = resource.manifest;
  const release = resource.helmRelease;
  if (release) {
    // The objects are rendered by the chart, not written in the repo: find
    // them by the release's instance label, and edit the release's values.
    const valuesFile = release.valueFiles[0];
    const annotations = baseAnnotations(source, valuesFile ?? m.file, true);
    annotations[StockAnnotations.kubernetesLabelSelector] = `${HELM_INSTANCE_LABEL}=${release.releaseName}`;
    if (release.namespace) {
      annotations[StockAnnotations.kubernetesNamespace] = release.namespace;
      annotations[HomelabAnnotations.k8sNamespace] = release.namespace;
    }
    return annotations;
  }
  const annotations = baseAnnotations(source, m.file, true);
  annotations[HomelabAnnotations.k8sApiVersion] = m.object.apiVersion;
  annotations[HomelabAnnotations.k8sKind] = m.object.kind;
  annotations[HomelabAnnotations.k8sName] = m.object.metadata.name;
  if (m.namespace && !['StorageClass', 'ClusterSecretStore', 'IngressClass'].includes(m.object.kind)) {
    annotations[HomelabAnnotations.k8sNamespace] = m.namespace;
  }
  return annotations;
}

function resourceDescription(resource: RepoResource): string {
  const m = resource.manifest;
  const release = resource.helmRelease;
  if (release) {
    return `${RESOURCE_TITLES[resource.type]} (Helm release ${release.releaseName} of chart ${release.chart}${release.namespace ? ` in ${release.namespace}` : ''}) installed by Argo CD Application ${m.object.metadata.name} in ${m.file}.`;
  }
  return `${RESOURCE_TITLES[resource.type]} (${m.object.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.object.metadata.name}) defined in ${m.file}.`;
}

function resourceEntity(resource: RepoResource, model: RepoModel, source: GitOpsSource, scorecard: ModelScorecard): Entity {
  const m = resource.manifest;
  const annotations = resourceAnnotations(resource, source);
  const findings = scorecard.resources.get(resource.name) ?? [];
  if (findings.length > 0) annotations[HomelabAnnotations.scorecard] = JSON.stringify(findings);
  // Deploying is not depending: the deployer is named here, and only real
  // consumers relate to the resource through dependsOn.
  if (resource.deployedBy) annotations[HomelabAnnotations.deployedBy] = componentRef(resource.deployedBy);
  const storageClass = resource.helmRelease ? undefined : m.object.spec?.storage?.storageClass;
  const dependsOn =
    resource.type === ResourceTypes.postgresCluster &&
    storageClass &&
    model.resources.some(r => r.type === ResourceTypes.storageClass && r.name === storageClass)
      ? [resourceRef(storageClass)]
      : [];
  const definedByApp = resource.definedBy && model.units.find(u => u.name === resource.definedBy && u.layer === 'app');
  return {
    apiVersion: API_VERSION,
    kind: 'Resource',
    metadata: {
      name: resource.name,
      title: resource.name,
      description: resourceDescription(resource),
      annotations,
      tags: [resource.type, ...(resource.helmRelease ? ['helm', chartTag(resource.helmRelease.chart)] : [])].filter(
        (t, i, all) => t && all.indexOf(t) === i,
      ),
    },
    spec: {
      type: resource.type,
      owner: (definedByApp && definedByApp.owner) ?? source.owner,
      system: resource.system,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    },
  };
}

const SYSTEM_DESCRIPTIONS: Record<string, string> = {
  data: 'Postgres clusters (CloudNativePG) and caches.',
  storage: 'Ceph (Rook) clusters, pools and StorageClasses.',
  networking: 'Ingress, certificates, load balancing.',
  security: 'Vault, External Secrets and policies.',
  observability: 'Metrics, dashboards and alerts.',
  gitops: 'Argo CD app-of-apps and the repo itself.',
  'service-mesh': 'Linkerd.',
  backup: 'VolSync replication of volumes.',
  scheduling: 'Autoscaling and KubeRay.',
};

/**
 * Turns the repo model into catalog entities: domains, systems, the repo
 * itself, components and resources, related through spec fields so the
 * catalog builds partOf/ownedBy/dependsOn relations. The scorecard is
 * evaluated by the caller and only written here.
 *
 * @public
 */
export function modelToEntities(model: RepoModel, source: GitOpsSource, scorecard: ModelScorecard = NO_SCORECARD): Entity[] {
  const components = model.units.map(u => componentEntity(u, model, source, scorecard));
  const resources = model.resources.map(r => resourceEntity(r, model, source, scorecard));

  const systemDomains = new Map<string, string>();
  for (const u of model.units) if (!systemDomains.has(u.system)) systemDomains.set(u.system, u.domain);
  for (const r of model.resources) if (!systemDomains.has(r.system)) systemDomains.set(r.system, r.domain);
  const repoSystem = 'gitops';
  if (!systemDomains.has(repoSystem)) systemDomains.set(repoSystem, source.layout.platformDomain);
  const domains = new Set(systemDomains.values());

  const repoAnnotations = baseAnnotations(source, '', false);
  if (hasDocs(model, '')) repoAnnotations[StockAnnotations.techdocsRef] = 'dir:.';
  // Domains and systems link the repo's own architecture page beside their generated one.
  const architectureDoc = hasDocs(model, '') ? architecturePagePath(findDocs(model.paths, []).find(d => d.dir === '')) : undefined;
  const scopeAnnotations = () => ({
    ...baseAnnotations(source, '', false),
    ...(architectureDoc ? { [HomelabAnnotations.architectureDoc]: architectureDoc } : {}),
  });
  if (model.problems.length > 0) {
    repoAnnotations[HomelabAnnotations.gitopsProblems] = JSON.stringify(model.problems.slice(0, 50));
  }
  const repo: Entity = {
    apiVersion: API_VERSION,
    kind: 'Component',
    metadata: {
      name: source.id,
      title: `GitOps repo ${source.id}`,
      description: `The GitOps repository everything in this catalog is discovered from: ${model.units.length} components, ${model.resources.length} resources, ${model.argoApps.length} Argo CD Applications.`,
      annotations: repoAnnotations,
      tags: ['gitops', 'argocd'],
    },
    spec: { type: ComponentTypes.platform, lifecycle: 'production', owner: source.owner, system: repoSystem },
  };

  return [
    ...[...domains].sort().map(d => ({
      apiVersion: API_VERSION,
      kind: 'Domain',
      metadata: {
        name: d,
        description: d === source.layout.platformDomain ? 'Shared platform of the homelab.' : `Apps of the ${d} domain.`,
        annotations: scopeAnnotations(),
      },
      spec: { owner: source.owner },
    })),
    ...[...systemDomains.entries()].sort().map(([s, d]) => ({
      apiVersion: API_VERSION,
      kind: 'System',
      metadata: {
        name: s,
        description: SYSTEM_DESCRIPTIONS[s] ?? `Apps of the ${d} domain.`,
        annotations: scopeAnnotations(),
      },
      spec: { owner: source.owner, domain: d },
    })),
    repo,
    ...components,
    ...resources,
  ];
}
