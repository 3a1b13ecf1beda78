import { ResourceTypes } from '@internal/plugin-homelab-common';
import type { ResourceType } from '@internal/plugin-homelab-common';
import type { FoundUnit } from './findUnits';
import { group, isWorkload, strings } from './k8s';
import type { ParsedDocument } from './parseManifests';
import type { Dependency, ParsedManifest, RepoResource, RepoUnit } from './types';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as it appears in a hostname or URL, not as part of a longer name. */
const nameRe = (alternatives: string) => new RegExp(`(?<![a-z0-9-])(?:${alternatives})(?![a-z0-9-])`);

/** Resource types apps reach by a host or service name written in a value. */
const NAMED_BY_HOST: ResourceType[] = [
  ResourceTypes.postgresCluster,
  ResourceTypes.cache,
  ResourceTypes.rayService,
  ResourceTypes.rayCluster,
];
/**
 * Kinds that name a data service without using it: deploying it (Argo CD,
 * kustomize) or fencing it (network policies select its pods by name).
 */
const NOT_A_CONSUMER = new Set(['Application', 'Kustomization', 'NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy']);
/** Keys of Helm values (and manifests) that name a StorageClass. */
const STORAGE_CLASS_KEY = /(^|\.)storageClass(Name)?$/;

function hostMatchers(resources: RepoResource[]) {
  return resources
    .filter(r => r.aliases.length > 0 && NAMED_BY_HOST.includes(r.type))
    .map(r => {
      const alts = r.aliases.map(escapeRe);
      if (r.type === ResourceTypes.postgresCluster && !r.helmRelease && !isWorkload(r.manifest.object)) {
        alts.push(`${escapeRe(r.manifest.object.metadata.name)}-(?:rw|ro|r|pooler-[a-z0-9]+)`);
      }
      return { resource: r, re: nameRe(alts.join('|')) };
    });
}

/** A document whose values may name what the unit uses, and how to cite it. */
interface ValueSource {
  file: string;
  value: unknown;
  /** How the reason names the document, e.g. `ConfigMap x` or `inline Helm values of chart y`; empty for a values file. */
  label: string;
  /** Helm values rather than a Kubernetes object: field names are the chart's, so keys are read too. */
  helmValues: boolean;
}

function valueSourcesOf(unit: RepoUnit, owns: (f: string) => boolean, documents: ParsedDocument[]): ValueSource[] {
  const sources: ValueSource[] = [];
  const valueFiles = new Set(unit.argoApps.flatMap(a => a.valueFiles));
  for (const doc of documents) {
    if (!owns(doc.file) && !valueFiles.has(doc.file)) continue;
    const v = doc.value as any;
    if (typeof v?.kind === 'string' && NOT_A_CONSUMER.has(v.kind)) continue;
    const label = typeof v?.kind === 'string' && v?.metadata?.name ? `${v.kind} ${v.metadata.name}` : '';
    sources.push({ file: doc.file, value: doc.value, label, helmValues: label === '' });
  }
  for (const app of unit.argoApps) {
    for (const inline of app.inlineValues) {
      sources.push({ file: app.file, value: inline.value, label: `inline Helm values of chart ${inline.chart}`, helmValues: true });
    }
  }
  return sources;
}

/** StorageClasses and secret stores named by the structured fields of manifests. */
function structuredClaims(m: ParsedManifest): Array<{ type: ResourceType; name: string; reason: string }> {
  const o = m.object;
  const claims: Array<{ type: ResourceType; name: string; reason: string }> = [];
  const storage = (sc: unknown, why: string) => {
    if (typeof sc === 'string' && sc) claims.push({ type: ResourceTypes.storageClass, name: sc, reason: `storageClassName ${sc} (${why})` });
  };
  if (o.kind === 'PersistentVolumeClaim') storage(o.spec?.storageClassName, `PersistentVolumeClaim ${o.metadata.name}`);
  if (o.kind === 'StatefulSet') {
    for (const t of o.spec?.volumeClaimTemplates ?? []) {
      storage(t.spec?.storageClassName, `volumeClaimTemplate ${t.metadata?.name} of StatefulSet ${o.metadata.name}`);
    }
  }
  if (group(o.apiVersion) === 'postgresql.cnpg.io' && o.kind === 'Cluster') storage(o.spec?.storage?.storageClass, `storage of Cluster ${o.metadata.name}`);
  if (o.kind === 'ExternalSecret' && typeof o.spec?.secretStoreRef?.name === 'string') {
    const store = o.spec.secretStoreRef.name;
    claims.push({ type: ResourceTypes.secretStore, name: store, reason: `secretStoreRef ${store} (ExternalSecret ${o.metadata.name})` });
  }
  return claims;
}

/**
 * Step 5 of the model: what each unit depends on, each with the file and
 * the value that show it. Values are read from parsed YAML (manifests, the
 * unit's Helm value files and inline values), so comments never count, and
 * a name counts only as a whole name (`pg-media-rw`, not `xpg-media-rwx`).
 * A unit never depends on what it defines or deploys.
 */
export function findDependencies(units: FoundUnit[], resources: RepoResource[], documents: ParsedDocument[]): FoundUnit[] {
  const matchers = hostMatchers(resources);
  const byName = (type: ResourceType, name: string) =>
    resources.find(r => r.type === type && (r.helmRelease?.releaseName ?? r.manifest.object.metadata.name) === name);
  return units.map(({ unit, owns }) => {
    const deps = new Map<string, Dependency>();
    const add = (r: RepoResource | undefined, file: string, reason: string) => {
      if (!r || r.definedBy === unit.name || r.deployedBy === unit.name || deps.has(r.name)) return;
      deps.set(r.name, { target: r.name, targetType: r.type, file, reason });
    };
    for (const source of valueSourcesOf(unit, owns, documents)) {
      for (const [keyPath, value] of strings(source.value)) {
        for (const { resource, re } of matchers) {
          const hit = value.match(re);
          if (hit) add(resource, source.file, `"${hit[0]}" in ${source.label ? `${source.label}: ` : ''}${keyPath}`);
        }
        if (source.helmValues && STORAGE_CLASS_KEY.test(keyPath)) add(byName(ResourceTypes.storageClass, value), source.file, `${keyPath}: ${value} in ${source.label || 'Helm values'}`);
      }
    }
    for (const m of unit.manifests) {
      for (const c of structuredClaims(m)) add(byName(c.type, c.name), m.file, c.reason);
    }
    for (const ing of unit.ingresses) {
      const cls = ing.object.spec?.ingressClassName;
      if (cls) add(byName(ResourceTypes.ingressClass, cls), ing.file, `ingressClassName ${cls} (Ingress ${ing.object.metadata.name})`);
    }
    return { owns, unit: { ...unit, dependencies: [...deps.values()].sort((a, b) => a.target.localeCompare(b.target)) } };
  });
}
