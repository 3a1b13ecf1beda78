import type { Entity } from '@backstage/catalog-model';
import {
  ComponentTypes,
  HomelabAnnotations,
  ResourceTypes,
  StockAnnotations,
} from '@internal/plugin-homelab-common';
import type { DependencyEvidence } from '@internal/plugin-homelab-common';
import type { RepoModel, RepoResource, RepoUnit } from '@internal/plugin-homelab-gitops-node';
import { evaluateResourceScorecard, evaluateScorecard, findDocs } from '@internal/plugin-homelab-gitops-node';
import type { GitOpsSource } from './GitOpsSource';

const API_VERSION = 'backstage.io/v1alpha1';
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
const hasDocs = (model: RepoModel, dir: string) => findDocs(model.paths, [dir]).some(d => d.dir === dir);

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

function componentEntity(unit: RepoUnit, model: RepoModel, source: GitOpsSource): Entity {
  const annotations = baseAnnotations(source, unit.path, unit.unit === 'file');
  if (unit.labelSelector && unit.namespace) {
    annotations[StockAnnotations.kubernetesLabelSelector] = unit.labelSelector;
  } else if (!unit.labelSelector) {
    annotations[StockAnnotations.kubernetesId] = unit.name;
  }
  if (unit.namespace) annotations[StockAnnotations.kubernetesNamespace] = unit.namespace;
  if (unit.argoApps.length > 0) annotations[StockAnnotations.argocdAppName] = unit.argoApps[0].name;
  const evidence: DependencyEvidence[] = unit.dependencies.map(d => ({
    target: `resource:default/${d.target}`,
    file: d.file,
    reason: d.reason,
  }));
  if (evidence.length > 0) annotations[HomelabAnnotations.dependencyEvidence] = JSON.stringify(evidence);
  const findings = evaluateScorecard(unit, model, source.rules);
  if (findings.length > 0) annotations[HomelabAnnotations.scorecard] = JSON.stringify(findings);
  if (hasDocs(model, unit.path)) annotations[StockAnnotations.techdocsRef] = 'dir:.';

  const links = [
    ...unit.hosts.map(host => ({ url: `https://${host}`, title: host, icon: 'web' })),
    ...unit.argoApps.flatMap(a =>
      a.charts.map(c => ({
        url: c.repoURL,
        title: `Helm chart ${c.chart}${c.targetRevision ? ` ${c.targetRevision}` : ''}`,
        icon: 'catalog',
      })),
    ),
  ];
  const helm = unit.argoApps.some(a => a.charts.length > 0);
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
      tags: [unit.domain, ...(helm ? ['helm'] : [])].filter((t, i, all) => all.indexOf(t) === i),
      ...(links.length > 0 ? { links } : {}),
    },
    spec: {
      type: componentType(unit),
      lifecycle: 'production',
      owner: unit.owner ?? source.owner,
      system: unit.system,
      ...(unit.dependencies.length > 0 ? { dependsOn: unit.dependencies.map(d => `resource:default/${d.target}`) } : {}),
    },
  };
}

function resourceEntity(resource: RepoResource, model: RepoModel, source: GitOpsSource): Entity {
  const m = resource.manifest;
  const annotations = baseAnnotations(source, m.file, true);
  annotations[HomelabAnnotations.k8sApiVersion] = m.object.apiVersion;
  annotations[HomelabAnnotations.k8sKind] = m.object.kind;
  annotations[HomelabAnnotations.k8sName] = m.object.metadata.name;
  if (m.namespace && !['StorageClass', 'ClusterSecretStore', 'IngressClass'].includes(m.object.kind)) {
    annotations[HomelabAnnotations.k8sNamespace] = m.namespace;
  }
  const findings = evaluateResourceScorecard(resource, model, source.rules);
  if (findings.length > 0) annotations[HomelabAnnotations.scorecard] = JSON.stringify(findings);
  const storageClass = m.object.spec?.storage?.storageClass;
  const dependsOn =
    resource.type === ResourceTypes.postgresCluster &&
    storageClass &&
    model.resources.some(r => r.type === ResourceTypes.storageClass && r.name === storageClass)
      ? [`resource:default/${storageClass}`]
      : [];
  const definedByApp = resource.definedBy && model.units.find(u => u.name === resource.definedBy && u.layer === 'app');
  return {
    apiVersion: API_VERSION,
    kind: 'Resource',
    metadata: {
      name: resource.name,
      title: resource.name,
      description: `${RESOURCE_TITLES[resource.type]} (${m.object.kind} ${m.namespace ? `${m.namespace}/` : ''}${m.object.metadata.name}) defined in ${m.file}.`,
      annotations,
      tags: [resource.type],
    },
    spec: {
      type: resource.type,
      owner: (definedByApp && definedByApp.owner) ?? source.owner,
      system: resource.system,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      ...(resource.definedBy ? { dependencyOf: [`component:default/${resource.definedBy}`] } : {}),
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
 * catalog builds partOf/ownedBy/dependsOn relations.
 *
 * @public
 */
export function modelToEntities(model: RepoModel, source: GitOpsSource): Entity[] {
  const components = model.units.map(u => componentEntity(u, model, source));
  const resources = model.resources.map(r => resourceEntity(r, model, source));

  const systemDomains = new Map<string, string>();
  for (const u of model.units) if (!systemDomains.has(u.system)) systemDomains.set(u.system, u.domain);
  for (const r of model.resources) if (!systemDomains.has(r.system)) systemDomains.set(r.system, r.domain);
  const repoSystem = 'gitops';
  if (!systemDomains.has(repoSystem)) systemDomains.set(repoSystem, source.layout.platformDomain);
  const domains = new Set(systemDomains.values());

  const repoAnnotations = baseAnnotations(source, '', false);
  if (hasDocs(model, '')) repoAnnotations[StockAnnotations.techdocsRef] = 'dir:.';
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
        annotations: baseAnnotations(source, '', false),
      },
      spec: { owner: source.owner },
    })),
    ...[...systemDomains.entries()].sort().map(([s, d]) => ({
      apiVersion: API_VERSION,
      kind: 'System',
      metadata: {
        name: s,
        description: SYSTEM_DESCRIPTIONS[s] ?? `Apps of the ${d} domain.`,
        annotations: baseAnnotations(source, '', false),
      },
      spec: { owner: source.owner, domain: d },
    })),
    repo,
    ...components,
    ...resources,
  ];
}
