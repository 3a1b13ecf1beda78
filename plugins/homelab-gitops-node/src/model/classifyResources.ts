import { ResourceTypes } from '@internal/plugin-homelab-common';
import type { ResourceType } from '@internal/plugin-homelab-common';
import type { GitOpsLayout } from '../layout';
import { systemForResource } from '../layout';
import { UnitIndex } from './UnitIndex';
import type { FoundUnit } from './findUnits';
import { containers, group, isWorkload, podTemplate } from './k8s';
import { isArgoApplication } from './readArgoApps';
import type { ArgoApp, HelmChartSource, ParsedManifest, RepoResource, RepoUnit } from './types';

const CACHE_IMAGE = /(^|\/)(valkey|redis|keydb|dragonfly)(:|@|$)/;
const POSTGRES_IMAGE = /(^|\/)(postgres|postgresql|pgvecto-rs|timescaledb[^/:]*)(:|@|$)/;

/**
 * Charts that install a data service, and the Service names their releases
 * get (`<release><suffix>`), which is how apps name them.
 */
const DATA_CHARTS: Array<{ chart: RegExp; type: ResourceType; serviceSuffixes: string[] }> = [
  {
    chart: /^(valkey|redis|keydb|dragonfly)(-cluster|-ha)?$/,
    type: ResourceTypes.cache,
    serviceSuffixes: ['', '-primary', '-master', '-headless', '-replicas'],
  },
  {
    chart: /^(postgresql|postgresql-ha|timescaledb[-a-z]*)$/,
    type: ResourceTypes.postgresCluster,
    serviceSuffixes: ['', '-primary', '-read', '-hl', '-headless'],
  },
];

/** When two resources want one name, this order decides who keeps it: what apps name directly wins. */
const NAME_PRIORITY: ResourceType[] = [
  ResourceTypes.storageClass,
  ResourceTypes.postgresCluster,
  ResourceTypes.cache,
  ResourceTypes.secretStore,
  ResourceTypes.ingressClass,
  ResourceTypes.rayService,
  ResourceTypes.rayCluster,
  ResourceTypes.rayJob,
  ResourceTypes.cephCluster,
  ResourceTypes.storagePool,
];
const NAME_SUFFIX: Partial<Record<ResourceType, string>> = {
  [ResourceTypes.storagePool]: 'pool',
  [ResourceTypes.cephCluster]: 'ceph',
};

/** The resource type of a manifest and the names apps use for it, if it is one. */
export function resourceOf(m: ParsedManifest): { type: ResourceType; aliases: string[] } | undefined {
  const o = m.object;
  const g = group(o.apiVersion);
  const name = o.metadata.name;
  if (g === 'postgresql.cnpg.io' && o.kind === 'Cluster') return { type: ResourceTypes.postgresCluster, aliases: [name] };
  if (g === 'ceph.rook.io' && o.kind === 'CephCluster') return { type: ResourceTypes.cephCluster, aliases: [name] };
  if (g === 'ceph.rook.io' && ['CephBlockPool', 'CephFilesystem', 'CephObjectStore'].includes(o.kind)) {
    return { type: ResourceTypes.storagePool, aliases: [name] };
  }
  if (g === 'storage.k8s.io' && o.kind === 'StorageClass') return { type: ResourceTypes.storageClass, aliases: [name] };
  if (g === 'external-secrets.io' && o.kind === 'ClusterSecretStore') return { type: ResourceTypes.secretStore, aliases: [name] };
  if (g === 'networking.k8s.io' && o.kind === 'IngressClass') return { type: ResourceTypes.ingressClass, aliases: [name] };
  if (g === 'ray.io' && o.kind === 'RayCluster') return { type: ResourceTypes.rayCluster, aliases: [`${name}-head-svc`] };
  if (g === 'ray.io' && o.kind === 'RayService') {
    return { type: ResourceTypes.rayService, aliases: [`${name}-serve-svc`, `${name}-head-svc`] };
  }
  if (g === 'ray.io' && o.kind === 'RayJob') return { type: ResourceTypes.rayJob, aliases: [] };
  if (isWorkload(o) && o.kind !== 'CronJob' && o.kind !== 'Job') {
    const images = containers(o).map(c => String(c.image ?? ''));
    if (images.some(i => CACHE_IMAGE.test(i))) return { type: ResourceTypes.cache, aliases: [name] };
    if (images.some(i => POSTGRES_IMAGE.test(i))) return { type: ResourceTypes.postgresCluster, aliases: [name] };
  }
  return undefined;
}

/** The data service a Helm chart installs, if it is one. */
export function dataServiceOfChart(chart: HelmChartSource): { type: ResourceType; aliases: string[] } | undefined {
  const known = DATA_CHARTS.find(d => d.chart.test(chart.chart));
  return known ? { type: known.type, aliases: known.serviceSuffixes.map(s => `${chart.releaseName}${s}`) } : undefined;
}

const selectorMatches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

interface Candidate {
  manifest: ParsedManifest;
  type: ResourceType;
  aliases: string[];
  /** The unit whose files define it. */
  definedBy?: RepoUnit;
  /** The unit whose Argo CD Application deploys it. */
  deployedBy?: RepoUnit;
  helmRelease?: RepoResource['helmRelease'];
}

function manifestCandidates(units: FoundUnit[], k8s: ParsedManifest[]): Candidate[] {
  const candidates: Candidate[] = [];
  const index = new UnitIndex(units);
  const servicesByNamespace = new Map<string | undefined, ParsedManifest[]>();
  const poolersByCluster = new Map<unknown, ParsedManifest[]>();
  for (const m of k8s) {
    if (m.object.kind === 'Service') {
      if (!servicesByNamespace.has(m.namespace)) servicesByNamespace.set(m.namespace, []);
      servicesByNamespace.get(m.namespace)!.push(m);
    }
    if (m.object.kind === 'Pooler') {
      const cluster = m.object.spec?.cluster?.name;
      if (!poolersByCluster.has(cluster)) poolersByCluster.set(cluster, []);
      poolersByCluster.get(cluster)!.push(m);
    }
  }
  for (const m of k8s) {
    const r = resourceOf(m);
    if (!r) continue;
    const aliases = [...r.aliases];
    if (r.type === ResourceTypes.cache || (r.type === ResourceTypes.postgresCluster && isWorkload(m.object))) {
      // Apps reach a workload through the Services selecting its pods.
      const podLabels = podTemplate(m.object)?.metadata?.labels;
      for (const svc of servicesByNamespace.get(m.namespace) ?? []) {
        if (selectorMatches(svc.object.spec?.selector, podLabels)) aliases.push(svc.object.metadata.name);
      }
    }
    if (r.type === ResourceTypes.postgresCluster && !isWorkload(m.object)) {
      for (const pooler of poolersByCluster.get(m.object.metadata.name) ?? []) {
        aliases.push(pooler.object.metadata.name);
      }
    }
    const definedBy = index.unitOfFile(m.file)?.unit;
    candidates.push({
      manifest: m,
      type: r.type,
      aliases,
      definedBy,
      deployedBy: definedBy && definedBy.argoApps.length > 0 ? definedBy : undefined,
    });
  }
  return candidates;
}

function helmCandidates(units: FoundUnit[], applications: ParsedManifest[]): Candidate[] {
  const candidates: Candidate[] = [];
  const unitOfApp = new Map<ArgoApp, RepoUnit>();
  for (const u of units) for (const app of u.unit.argoApps) if (!unitOfApp.has(app)) unitOfApp.set(app, u.unit);
  const applicationOf = new Map<string, ParsedManifest>();
  for (const m of applications) {
    const key = `${m.file}\0${m.object.metadata.name}`;
    if (!applicationOf.has(key)) applicationOf.set(key, m);
  }
  for (const app of unitOfApp.keys()) {
    const manifest = applicationOf.get(`${app.file}\0${app.name}`);
    if (!manifest) continue;
    for (const chart of app.charts) {
      const service = dataServiceOfChart(chart);
      if (!service) continue;
      const unit = unitOfApp.get(app);
      candidates.push({
        manifest,
        type: service.type,
        aliases: service.aliases,
        definedBy: unit,
        deployedBy: unit,
        helmRelease: {
          chart: chart.chart,
          releaseName: chart.releaseName,
          ...(app.destinationNamespace ? { namespace: app.destinationNamespace } : {}),
          valueFiles: app.valueFiles,
        },
      });
    }
  }
  return candidates;
}

/**
 * Step 4 of the model: the data, storage, secret, ingress and Ray resources,
 * named uniquely. A data service installed by a Helm chart (Valkey, Redis,
 * Postgres) is a resource named after its release.
 */
export function classifyResources(units: FoundUnit[], manifests: ParsedManifest[], layout: GitOpsLayout): RepoResource[] {
  const k8s = manifests.filter(m => m.object.kind !== 'Kustomization');
  const candidates = [...manifestCandidates(units, k8s), ...helmCandidates(units, k8s.filter(isArgoApplication))].sort(
    (a, b) => NAME_PRIORITY.indexOf(a.type) - NAME_PRIORITY.indexOf(b.type),
  );
  const taken = new Set<string>();
  return candidates.map(c => {
    const own = c.helmRelease?.releaseName ?? c.manifest.object.metadata.name;
    const name = taken.has(own) ? `${own}-${NAME_SUFFIX[c.type] ?? c.type}` : own;
    taken.add(name);
    return {
      name,
      type: c.type,
      system: systemForResource(layout, c.type, c.definedBy?.system),
      domain: c.definedBy?.layer === 'app' ? c.definedBy.domain : layout.platformDomain,
      manifest: c.manifest,
      aliases: [...new Set(c.aliases)],
      ...(c.definedBy ? { definedBy: c.definedBy.name } : {}),
      ...(c.deployedBy ? { deployedBy: c.deployedBy.name } : {}),
      ...(c.helmRelease ? { helmRelease: c.helmRelease } : {}),
    };
  });
}
