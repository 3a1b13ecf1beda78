import { HOMELAB_ANNOTATION_PREFIX, ResourceTypes } from '@internal/plugin-homelab-common';
import type { ResourceType } from '@internal/plugin-homelab-common';
import type { GitOpsLayout } from '../layout';
import { systemForPath } from '../layout';
import type { RepoSnapshot } from '../snapshot/types';
import { containers, group, isWorkload, podTemplate, strings } from './k8s';
import { parseManifests } from './parseManifests';
import type {
  ArgoApp,
  Dependency,
  ManifestObject,
  ParsedManifest,
  RepoModel,
  RepoProblem,
  RepoResource,
  RepoUnit,
} from './types';

const OWNER_KEY = `${HOMELAB_ANNOTATION_PREFIX}/owner`;
const TYPE_KEY = `${HOMELAB_ANNOTATION_PREFIX}/component-type`;
const CACHE_IMAGE = /(^|\/)(valkey|redis|keydb|dragonfly)(:|@|$)/;
const POSTGRES_IMAGE = /(^|\/)(postgres|postgresql|pgvecto-rs|timescaledb[^/:]*)(:|@|$)/;

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const under = (path: string, dir: string) => dir === '' || path === dir || path.startsWith(`${dir}/`);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name as it appears in a hostname or URL, not as part of a longer name. */
const nameRe = (alternatives: string) => new RegExp(`(?<![a-z0-9-])(?:${alternatives})(?![a-z0-9-])`);

function kustomizationNamespaces(manifests: ParsedManifest[]): Map<string, string> {
  const byDir = new Map<string, string>();
  for (const m of manifests) {
    if (m.object.kind === 'Kustomization' && typeof (m.object as any).namespace === 'string') {
      byDir.set(dirOf(m.file), (m.object as any).namespace);
    }
  }
  return byDir;
}

function resolveNamespace(m: ParsedManifest, byDir: Map<string, string>): string | undefined {
  if (m.object.metadata.namespace) return m.object.metadata.namespace;
  for (let dir = dirOf(m.file); ; dir = dirOf(dir)) {
    const ns = byDir.get(dir);
    if (ns) return ns;
    if (dir === '') return undefined;
  }
}

function toArgoApp(m: ParsedManifest): ArgoApp {
  const spec = m.object.spec ?? {};
  const sources: any[] = spec.sources ?? (spec.source ? [spec.source] : []);
  return {
    name: m.object.metadata.name,
    namespace: m.object.metadata.namespace,
    file: m.file,
    project: spec.project,
    paths: sources.filter(s => typeof s.path === 'string').map(s => s.path.replace(/^\.\/|\/+$/g, '')),
    charts: sources
      .filter(s => typeof s.chart === 'string')
      .map(s => ({ repoURL: s.repoURL, chart: s.chart, targetRevision: s.targetRevision })),
    destinationNamespace: spec.destination?.namespace,
    recurse: sources.some(s => s.directory?.recurse === true),
  } as ArgoApp & { recurse: boolean };
}

/** Which directory or file units the app roots define, before Argo apps are looked at. */
function findAppUnits(layout: GitOpsLayout, paths: string[], kustomizationDirs: Set<string>) {
  const units: Array<Pick<RepoUnit, 'name' | 'domain' | 'path' | 'unit'> & { files?: string[] }> = [];
  for (const rule of layout.apps) {
    const below = paths.filter(p => under(p, rule.root) && p !== rule.root);
    if (rule.unit === 'directory') {
      const appDirs = new Set<string>();
      for (const p of below) {
        const segs = p.slice(rule.root.length + 1).split('/');
        if (segs.length >= 3) appDirs.add(segs.slice(0, 2).join('/'));
      }
      for (const rel of [...appDirs].sort()) {
        const [domain, app] = rel.split('/');
        if (rule.exclude.includes(domain) || rule.exclude.includes(app)) continue;
        const dir = `${rule.root}/${rel}`;
        const d = rule.domain ?? domain;
        if (kustomizationDirs.has(dir)) {
          units.push({ name: app, domain: d, path: dir, unit: 'directory' });
          continue;
        }
        // No kustomization of its own: variants below it (prod/staging) are the apps.
        for (const variant of [...kustomizationDirs].filter(k => dirOf(k) === dir).sort()) {
          units.push({ name: `${app}-${variant.slice(dir.length + 1)}`, domain: d, path: variant, unit: 'directory' });
        }
      }
    } else {
      const groups = new Map<string, string[]>();
      for (const p of below.filter(f => /\.ya?ml$/i.test(f))) {
        const rel = p.slice(rule.root.length + 1);
        const base = rel.split('/').pop()!;
        const name = base.split('.')[0];
        if (rule.exclude.includes(name) || rule.exclude.includes(base)) continue;
        const key = `${dirOf(p)}/${name}`;
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const [key, files] of [...groups.entries()].sort()) {
        const rel = key.slice(rule.root.length + 1);
        units.push({
          name: key.split('/').pop()!,
          domain: rule.domain ?? rel.split('/')[0],
          path: files.find(f => f.split('/').pop()!.split('.').length === 2) ?? files[0],
          unit: 'file',
          files,
        });
      }
    }
  }
  return units;
}

function ownerOf(manifests: ParsedManifest[]): string | undefined {
  for (const m of manifests) {
    const o = m.object as any;
    const candidates = [
      o.metadata?.annotations?.[OWNER_KEY],
      o.metadata?.labels?.[OWNER_KEY],
      o.commonAnnotations?.[OWNER_KEY],
      o.commonLabels?.[OWNER_KEY],
      ...(Array.isArray(o.labels) ? o.labels.map((l: any) => l?.pairs?.[OWNER_KEY]) : []),
    ];
    const found = candidates.find(c => typeof c === 'string' && c.length > 0);
    if (found) {
      // Label values cannot hold ':' or '/': `group.friends` stands for group:friends.
      if (found.includes(':')) return found;
      const dot = found.indexOf('.');
      return dot > 0 ? `${found.slice(0, dot)}:${found.slice(dot + 1)}` : `user:${found}`;
    }
  }
  return undefined;
}

function resourceOf(m: ParsedManifest): { type: ResourceType; aliases: string[] } | undefined {
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

const RESOURCE_SYSTEM: Record<ResourceType, string | undefined> = {
  'postgres-cluster': 'data',
  cache: 'data',
  'ceph-cluster': 'storage',
  'storage-pool': 'storage',
  'storage-class': 'storage',
  'secret-store': 'security',
  'ingress-class': 'networking',
  'ray-cluster': undefined,
  'ray-service': undefined,
  'ray-job': undefined,
};

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

function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function ingressBackends(m: ParsedManifest): string[] {
  const o = m.object;
  if (o.kind === 'Ingress') {
    const names = (o.spec?.rules ?? []).flatMap((r: any) =>
      (r.http?.paths ?? []).map((p: any) => p.backend?.service?.name),
    );
    if (o.spec?.defaultBackend?.service?.name) names.push(o.spec.defaultBackend.service.name);
    return names.filter(Boolean);
  }
  if (o.kind === 'IngressRoute') {
    return (o.spec?.routes ?? []).flatMap((r: any) => (r.services ?? []).map((s: any) => s.name)).filter(Boolean);
  }
  return [];
}

/**
 * Hostnames an Ingress or Traefik IngressRoute serves.
 *
 * @public
 */
export function ingressHosts(o: ManifestObject): string[] {
  if (o.kind === 'Ingress') return (o.spec?.rules ?? []).map((r: any) => r.host).filter(Boolean);
  if (o.kind === 'IngressRoute') {
    return (o.spec?.routes ?? []).flatMap((r: any) =>
      [...String(r.match ?? '').matchAll(/Host\(\s*`([^`]+)`\s*\)/g)].map(x => x[1]),
    );
  }
  return [];
}

/**
 * Builds the repo model from a snapshot: parse once, then everything that
 * catalog entities, the scorecard and the templates need.
 *
 * @public
 */
export function buildRepoModel(snapshot: RepoSnapshot, layout: GitOpsLayout): RepoModel {
  const { manifests, documents, problems } = parseManifests(snapshot.files);
  const paths = new Set(snapshot.files.map(f => f.path));
  const nsByDir = kustomizationNamespaces(manifests);
  for (const m of manifests) m.namespace = resolveNamespace(m, nsByDir);
  const k8s = manifests.filter(m => m.object.kind !== 'Kustomization');
  const kustomizationDirs = new Set(manifests.filter(m => m.object.kind === 'Kustomization').map(m => dirOf(m.file)));

  const argoApps = k8s
    .filter(m => group(m.object.apiVersion) === 'argoproj.io' && m.object.kind === 'Application')
    .map(toArgoApp) as Array<ArgoApp & { recurse: boolean }>;

  // 1. App units from the layout, then the Argo apps that deploy them.
  const units: RepoUnit[] = [];
  const newUnit = (u: Pick<RepoUnit, 'name' | 'layer' | 'domain' | 'system' | 'path' | 'unit'>): RepoUnit => ({
    ...u,
    manifests: [],
    argoApps: [],
    ingresses: [],
    hosts: [],
    dependencies: [],
    website: false,
  });
  const filesOfUnit = new Map<RepoUnit, (file: string) => boolean>();
  for (const found of findAppUnits(layout, [...paths], kustomizationDirs)) {
    const unit = newUnit({ ...found, layer: 'app', system: layout.appSystem.replace('{domain}', found.domain) });
    units.push(unit);
    filesOfUnit.set(unit, found.unit === 'file' ? f => found.files!.includes(f) : f => under(f, found.path));
  }
  const covers = (app: ArgoApp & { recurse: boolean }, unit: RepoUnit) =>
    app.paths.some(p =>
      unit.unit === 'directory'
        ? unit.path === p || (app.recurse && under(unit.path, p))
        : dirOf(unit.path) === p || (app.recurse && under(unit.path, p)),
    );
  const usedArgo = new Set<ArgoApp>();
  for (const unit of units) {
    unit.argoApps = argoApps.filter(a => covers(a, unit));
    unit.argoApps.forEach(a => usedArgo.add(a));
  }

  // 2. Every other Argo app is a platform component (or a stale app entry).
  const unitNames = new Set(units.map(u => u.name));
  for (const app of argoApps.filter(a => !usedArgo.has(a))) {
    const path = app.paths[0] ?? dirOf(app.file);
    const appRule = layout.apps.find(r => under(path, r.root) && path !== r.root);
    const stale = !paths.has(path) && ![...paths].some(p => under(p, path));
    let unit: RepoUnit;
    if (appRule && stale) {
      const domain = appRule.domain ?? path.slice(appRule.root.length + 1).split('/')[0];
      unit = newUnit({ name: app.name, layer: 'app', domain, system: layout.appSystem.replace('{domain}', domain), path, unit: 'directory' });
    } else {
      const system = systemForPath(layout, path) ?? layout.defaultPlatformSystem;
      const appDomain = layout.apps
        .map(r => (under(path, r.root) && path !== r.root ? r.domain ?? path.slice(r.root.length + 1).split('/')[0] : undefined))
        .find(Boolean);
      const domain = system === layout.appSystem.replace('{domain}', appDomain ?? '') ? appDomain! : layout.platformDomain;
      unit = newUnit({ name: app.name, layer: 'platform', domain, system, path, unit: 'directory' });
    }
    if (unitNames.has(unit.name)) unit.name = `${unit.name}-argo`;
    unitNames.add(unit.name);
    unit.argoApps = [app];
    units.push(unit);
    filesOfUnit.set(unit, f => app.paths.some(p => under(f, p)));
  }

  // A file unit with neither workload nor Service (a RuntimeClass, a SOPS
  // secret on its own) is configuration, not an app.
  for (const unit of [...units]) {
    if (unit.unit !== 'file') continue;
    const own = k8s.filter(m => filesOfUnit.get(unit)!(m.file));
    if (!own.some(m => isWorkload(m.object) || m.object.kind === 'Service')) {
      units.splice(units.indexOf(unit), 1);
      unitNames.delete(unit.name);
    }
  }

  // 3. Objects belong to the most specific unit whose files hold them.
  const unitOfFile = (file: string): RepoUnit | undefined => {
    let best: RepoUnit | undefined;
    for (const unit of units) {
      if (filesOfUnit.get(unit)!(file) && (!best || unit.path.length > best.path.length)) best = unit;
    }
    return best;
  };
  for (const m of manifests) unitOfFile(m.file)?.manifests.push(m);
  for (const unit of units) {
    unit.owner = ownerOf(unit.manifests);
    const k = unit.manifests.find(m => m.object.kind === 'Kustomization')?.object as any;
    const typeOverride = k?.metadata?.annotations?.[TYPE_KEY];
    unit.website = typeOverride ? typeOverride === 'website' : unit.layer === 'app' && layout.websiteDomains.includes(unit.domain);
    const workloads = unit.manifests.filter(m => isWorkload(m.object));
    unit.namespace =
      unit.manifests.find(m => m.namespace && m.object.kind !== 'Application')?.namespace ??
      unit.argoApps[0]?.destinationNamespace;
    const main = workloads.find(w => w.object.metadata.name === unit.name) ?? workloads[0];
    const matchLabels = main?.object.spec?.selector?.matchLabels as Record<string, string> | undefined;
    if (matchLabels && Object.keys(matchLabels).length > 0) {
      unit.labelSelector = Object.entries(matchLabels)
        .map(([k2, v]) => `${k2}=${v}`)
        .join(',');
    }
  }

  // 4. Ingress objects go to the unit owning the Service they route to.
  const serviceOwner = new Map<string, RepoUnit>();
  for (const unit of units) {
    for (const m of unit.manifests.filter(x => x.object.kind === 'Service')) {
      serviceOwner.set(`${m.namespace ?? ''}/${m.object.metadata.name}`, unit);
    }
  }
  for (const m of k8s.filter(x => x.object.kind === 'Ingress' || x.object.kind === 'IngressRoute')) {
    const owners = new Set(
      ingressBackends(m)
        .map(svc => serviceOwner.get(`${m.namespace ?? ''}/${svc}`))
        .filter((u): u is RepoUnit => !!u),
    );
    for (const unit of owners) {
      unit.ingresses.push(m);
      for (const h of ingressHosts(m.object)) if (!unit.hosts.includes(h)) unit.hosts.push(h);
    }
  }

  // 5. Resources, named uniquely.
  // What apps name directly (StorageClasses, databases) keeps the plain name
  // when two objects share one, e.g. a CephFilesystem and its StorageClass.
  const resources: RepoResource[] = [];
  const taken = new Set<string>();
  const candidates = k8s
    .map(m => ({ m, r: resourceOf(m) }))
    .filter((x): x is { m: ParsedManifest; r: NonNullable<ReturnType<typeof resourceOf>> } => !!x.r)
    .sort((a, b) => NAME_PRIORITY.indexOf(a.r.type) - NAME_PRIORITY.indexOf(b.r.type));
  for (const { m, r } of candidates) {
    const definedBy = unitOfFile(m.file);
    let name = m.object.metadata.name;
    if (taken.has(name)) name = `${name}-${NAME_SUFFIX[r.type] ?? r.type}`;
    taken.add(name);
    const aliases = [...r.aliases];
    if (r.type === ResourceTypes.cache || (r.type === ResourceTypes.postgresCluster && isWorkload(m.object))) {
      // Apps reach a workload through the Services selecting its pods.
      const podLabels = podTemplate(m.object)?.metadata?.labels;
      for (const svc of k8s.filter(s => s.object.kind === 'Service' && s.namespace === m.namespace)) {
        if (selectorMatches(svc.object.spec?.selector, podLabels)) aliases.push(svc.object.metadata.name);
      }
    }
    if (r.type === ResourceTypes.postgresCluster && !isWorkload(m.object)) {
      for (const pooler of k8s.filter(p => p.object.kind === 'Pooler' && p.object.spec?.cluster?.name === m.object.metadata.name)) {
        aliases.push(pooler.object.metadata.name);
      }
    }
    const system = RESOURCE_SYSTEM[r.type] ?? definedBy?.system ?? 'scheduling';
    resources.push({
      name,
      type: r.type,
      system,
      domain: definedBy?.layer === 'app' ? definedBy.domain : layout.platformDomain,
      manifest: m,
      aliases: [...new Set(aliases)],
      definedBy: definedBy?.name,
    });
  }

  // 6. Dependencies, each with the file that shows it.
  const textMatchers = resources
    .filter(r => r.aliases.length > 0 && [ResourceTypes.postgresCluster, ResourceTypes.cache, ResourceTypes.rayService, ResourceTypes.rayCluster].includes(r.type as any))
    .map(r => {
      const alts = r.aliases.map(a => escapeRe(a));
      if (r.type === ResourceTypes.postgresCluster && !isWorkload(r.manifest.object)) {
        alts.push(`${escapeRe(r.manifest.object.metadata.name)}-(?:rw|ro|r|pooler-[a-z0-9]+)`);
      }
      return { resource: r, re: nameRe(alts.join('|')) };
    });
  const byName = (type: ResourceType, name: string) => resources.find(r => r.type === type && r.manifest.object.metadata.name === name);
  for (const unit of units) {
    const deps = new Map<string, Dependency>();
    const add = (r: RepoResource | undefined, file: string, reason: string) => {
      if (!r || r.definedBy === unit.name || deps.has(r.name)) return;
      deps.set(r.name, { target: r.name, targetType: r.type, file, reason });
    };
    const isMine = filesOfUnit.get(unit)!;
    for (const doc of documents.filter(d => isMine(d.file))) {
      const kind = (doc.value as any)?.kind;
      if (kind === 'Application' || kind === 'Kustomization') continue;
      for (const [keyPath, value] of strings(doc.value)) {
        for (const { resource, re } of textMatchers) {
          const hit = value.match(re);
          if (hit) add(resource, doc.file, `"${hit[0]}" in ${kind ? `${kind} ${(doc.value as any).metadata?.name} ` : ''}${keyPath}`);
        }
      }
    }
    for (const m of unit.manifests) {
      const o = m.object;
      const claims: Array<[string | undefined, string]> = [];
      if (o.kind === 'PersistentVolumeClaim') claims.push([o.spec?.storageClassName, `PersistentVolumeClaim ${o.metadata.name}`]);
      for (const t of o.kind === 'StatefulSet' ? o.spec?.volumeClaimTemplates ?? [] : []) {
        claims.push([t.spec?.storageClassName, `volumeClaimTemplate ${t.metadata?.name} of StatefulSet ${o.metadata.name}`]);
      }
      if (group(o.apiVersion) === 'postgresql.cnpg.io' && o.kind === 'Cluster') claims.push([o.spec?.storage?.storageClass, `storage of Cluster ${o.metadata.name}`]);
      for (const [sc, why] of claims) if (sc) add(byName(ResourceTypes.storageClass, sc), m.file, `storageClassName ${sc} (${why})`);
      if (o.kind === 'ExternalSecret' && o.spec?.secretStoreRef?.name) {
        const store = o.spec.secretStoreRef.name;
        add(byName(ResourceTypes.secretStore, store), m.file, `secretStoreRef ${store} (ExternalSecret ${o.metadata.name})`);
      }
    }
    for (const ing of unit.ingresses) {
      const cls = ing.object.spec?.ingressClassName;
      if (cls) add(byName(ResourceTypes.ingressClass, cls), ing.file, `ingressClassName ${cls} (Ingress ${ing.object.metadata.name})`);
    }
    unit.dependencies = [...deps.values()].sort((a, b) => a.target.localeCompare(b.target));
  }

  const docs = snapshot.files.filter(f => /(^|\/)mkdocs\.ya?ml$/.test(f.path)).map(f => dirOf(f.path));
  return { units, resources, argoApps, manifests, paths, problems: problems as RepoProblem[], docs };
}
