import { ResourceTypes } from '@internal/plugin-homelab-common';
import type { ResourceType } from '@internal/plugin-homelab-common';
import type { FoundUnit } from './findUnits';
import { group, isWorkload, strings } from './k8s';
import type { ParsedDocument } from './parseManifests';
import { UnitIndex } from './UnitIndex';
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
  const matchers = resources
    .filter(r => r.aliases.length > 0 && NAMED_BY_HOST.includes(r.type))
    .map(r => {
      const alts = r.aliases.map(escapeRe);
      if (r.type === ResourceTypes.postgresCluster && !r.helmRelease && !isWorkload(r.manifest.object)) {
        alts.push(`${escapeRe(r.manifest.object.metadata.name)}-(?:rw|ro|r|pooler-[a-z0-9]+)`);
      }
      return { resource: r, alternatives: alts.join('|'), re: nameRe(alts.join('|')) };
    });
  // Most values name nothing: one regex of every name rules them out before
  // each resource's own regex is tried (it matches exactly when one of them does).
  const any = matchers.length > 0 ? nameRe(matchers.map(m => m.alternatives).join('|')) : undefined;
  return { matchers, mayMatch: (value: string) => any !== undefined && any.test(value) };
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

/** The documents of each unit's own files and Helm value files, in repo order. */
function documentsByUnit(units: FoundUnit[], documents: ParsedDocument[]): Map<FoundUnit, ParsedDocument[]> {
  const index = new UnitIndex(units);
  const byValueFile = new Map<string, FoundUnit[]>();
  for (const u of units) {
    for (const f of new Set(u.unit.argoApps.flatMap(a => a.valueFiles))) {
      if (!byValueFile.has(f)) byValueFile.set(f, []);
      byValueFile.get(f)!.push(u);
    }
  }
  const result = new Map<FoundUnit, ParsedDocument[]>(units.map(u => [u, []]));
  const ownersOf = new Map<string, Set<FoundUnit>>();
  for (const doc of documents) {
    let owners = ownersOf.get(doc.file);
    if (!owners) {
      owners = new Set([...index.owners(doc.file), ...(byValueFile.get(doc.file) ?? [])]);
      ownersOf.set(doc.file, owners);
    }
    for (const u of owners) result.get(u)!.push(doc);
  }
  return result;
}

function valueSourcesOf(unit: RepoUnit, documents: ParsedDocument[]): ValueSource[] {
  const sources: ValueSource[] = [];
  for (const doc of documents) {
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
  const { matchers, mayMatch } = hostMatchers(resources);
  // Keyed by type and name (and the name's JS type, as `===` compares it).
  const key = (type: ResourceType, name: unknown) => `${type}\0${typeof name}\0${name}`;
  const named = new Map<string, RepoResource>();
  for (const r of resources) {
    const k = key(r.type, r.helmRelease?.releaseName ?? r.manifest.object.metadata.name);
    if (!named.has(k)) named.set(k, r);
  }
  const byName = (type: ResourceType, name: string) => named.get(key(type, name));
  const documentsOf = documentsByUnit(units, documents);
  return units.map(found => {
    const unit = found.unit;
    const deps = new Map<string, Dependency>();
    const add = (r: RepoResource | undefined, file: string, reason: string) => {
      if (!r || r.definedBy === unit.name || r.deployedBy === unit.name || deps.has(r.name)) return;
      deps.set(r.name, { target: r.name, targetType: r.type, file, reason });
    };
    for (const source of valueSourcesOf(unit, documentsOf.get(found)!)) {
      for (const [keyPath, value] of strings(source.value)) {
        for (const { resource, re } of mayMatch(value) ? matchers : []) {
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
    return { ...found, unit: { ...unit, dependencies: [...deps.values()].sort((a, b) => a.target.localeCompare(b.target)) } };
  });
}
