import { ResourceTypes } from '@internal/plugin-homelab-common';
import { parse } from 'yaml';
import { containers, group, podTemplate, strings } from '../model/k8s';
import type { RepoSnapshot } from '../snapshot/types';
import type { ManifestObject, ParsedManifest, RepoModel, RepoUnit } from '../model/types';
import type {
  ArgoAppConventions,
  CacheConventions,
  ConventionOverrides,
  IngressConventions,
  RayConventions,
  RepoConventions,
} from './types';

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const ISSUER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];
const PART_OF = 'app.kubernetes.io/part-of';
const RESTRICTED_CLASS = /restricted|internal|private|lan/;

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The most common value (by JSON equality); the first seen wins a tie. */
function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    if (v === undefined) continue;
    const key = JSON.stringify(v);
    const c = counts.get(key) ?? { value: v, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  let best: { value: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.value;
}

function argoObjects(model: RepoModel, units: RepoUnit[]): ParsedManifest[] {
  const files = new Set(units.flatMap(u => u.argoApps.map(a => `${a.file}#${a.name}`)));
  return model.manifests.filter(
    m => m.object.kind === 'Application' && group(m.object.apiVersion) === 'argoproj.io' && files.has(`${m.file}#${m.object.metadata.name}`),
  );
}

function learnArgo(apps: ParsedManifest[], domainOf: (m: ParsedManifest) => string | undefined): ArgoAppConventions | undefined {
  if (apps.length === 0) return undefined;
  const objects = apps.map(a => a.object);
  // The repo's own git source: a Helm chart source (chart apps, the chart half
  // of multi-source apps) says nothing about where this repo lives.
  const source = (o: ManifestObject) =>
    [o.spec?.source, ...(o.spec?.sources ?? [])].find((s: any) => s && typeof s.chart !== 'string' && (typeof s.path === 'string' || typeof s.ref === 'string')) ?? {};
  const labelKeys = mostCommon(objects.map(o => Object.keys(o.metadata.labels ?? {}).sort())) ?? [];
  const labels: Record<string, string> = {};
  for (const key of labelKeys) {
    const value = mostCommon(
      apps.map(a => {
        const v = a.object.metadata.labels?.[key];
        const d = domainOf(a);
        return v && d && v === d ? '{domain}' : v;
      }),
    );
    if (value !== undefined) labels[key] = value;
  }
  const project = mostCommon(
    apps.map(a => {
      const p = a.object.spec?.project as string | undefined;
      const d = domainOf(a);
      return p && d && p.includes(d) ? p.replace(d, '{domain}') : p;
    }),
  );
  return {
    namespace: mostCommon(objects.map(o => o.metadata.namespace)),
    repoURL: mostCommon(objects.map(o => source(o).repoURL)) ?? '',
    targetRevision: mostCommon(objects.map(o => source(o).targetRevision)) ?? 'HEAD',
    project,
    destinationServer: mostCommon(objects.map(o => o.spec?.destination?.server)),
    destinationName: mostCommon(objects.map(o => o.spec?.destination?.name)),
    syncPolicy: mostCommon(objects.map(o => o.spec?.syncPolicy)),
    syncWave: mostCommon(objects.map(o => o.metadata.annotations?.[SYNC_WAVE])),
    finalizers: mostCommon(objects.map(o => (o.metadata as any).finalizers as string[] | undefined)),
    labels,
  };
}

function applyArgoOverrides(c: ArgoAppConventions, o: ConventionOverrides['argo']): ArgoAppConventions {
  return { ...c, ...Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) };
}

function learnIngress(model: RepoModel, apps: RepoUnit[], overrides: ConventionOverrides): IngressConventions {
  const ingresses = apps.flatMap(u => u.ingresses.map(i => ({ unit: u, ing: i })));
  const outside = ingresses.filter(({ unit, ing }) => !ing.file.startsWith(`${unit.path}/`));
  const folder = outside.length * 2 > ingresses.length ? mostCommon(outside.map(x => dirOf(x.ing.file))) : undefined;
  const filePattern = folder
    ? mostCommon(outside.map(({ unit, ing }) => (baseOf(ing.file) === `${unit.name}.yaml` ? '{app}.yaml' : undefined))) ?? '{app}.yaml'
    : mostCommon(ingresses.map(({ ing }) => baseOf(ing.file))) ?? 'ingress.yaml';
  const declared = model.resources.filter(r => r.type === ResourceTypes.ingressClass).map(r => r.manifest.object.metadata.name);
  const used = ingresses.map(x => x.ing.object.spec?.ingressClassName).filter((c): c is string => !!c);
  const classes = [...new Set([...declared, ...used])];
  const annotationsByClass: Record<string, Record<string, string>> = {};
  for (const cls of classes) {
    const ofClass = ingresses.filter(x => x.ing.object.spec?.ingressClassName === cls).map(x => x.ing.object.metadata.annotations ?? {});
    const common: Record<string, string> = {};
    for (const key of new Set(ofClass.flatMap(a => Object.keys(a)))) {
      if (ISSUER_ANNOTATIONS.includes(key)) continue;
      // Only what every ingress of the class carries is the class's convention.
      if (ofClass.every(a => a[key] !== undefined)) common[key] = mostCommon(ofClass.map(a => a[key]))!;
    }
    annotationsByClass[cls] = common;
  }
  const issuerPairs = ingresses.flatMap(({ ing }) =>
    ISSUER_ANNOTATIONS.filter(k => ing.object.metadata.annotations?.[k]).map(k => ({ annotation: k, name: ing.object.metadata.annotations![k] })),
  );
  let issuer = mostCommon(issuerPairs);
  if (overrides.tlsIssuer) issuer = { annotation: issuer?.annotation ?? ISSUER_ANNOTATIONS[0], name: overrides.tlsIssuer };
  const hosts = apps.flatMap(u => u.hosts);
  const learnedBase = mostCommon(hosts.map(h => h.split('.').slice(1).join('.')).filter(h => h.includes('.')));
  const restrictedByName = classes.find(c => RESTRICTED_CLASS.test(c));
  return {
    folder,
    filePattern,
    classes,
    publicClass: overrides.ingressClasses?.public ?? classes.find(c => !RESTRICTED_CLASS.test(c)),
    restrictedClass: overrides.ingressClasses?.restricted ?? restrictedByName,
    annotationsByClass,
    issuer,
    baseDomain: overrides.baseDomain ?? learnedBase,
  };
}

function learnCaches(model: RepoModel, snapshot: RepoSnapshot): Record<string, CacheConventions> {
  const out: Record<string, CacheConventions> = {};
  for (const cache of model.resources.filter(r => r.type === ResourceTypes.cache)) {
    // A Helm release runs in its Application's destination, not where the Application lives (argocd).
    const ns = cache.helmRelease?.namespace ?? cache.manifest.namespace;
    const podLabels = podTemplate(cache.manifest.object)?.metadata?.labels ?? {};
    const service = model.manifests.find(
      m =>
        m.object.kind === 'Service' &&
        m.namespace === ns &&
        m.object.spec?.clusterIP !== 'None' &&
        Object.entries(m.object.spec?.selector ?? { none: '\0' }).every(([k, v]) => podLabels[k] === v),
    );
    const svcName = service?.object.metadata.name ?? cache.manifest.object.metadata.name;
    const port = service?.object.spec?.ports?.[0]?.port ?? containers(cache.manifest.object)[0]?.ports?.[0]?.containerPort ?? 6379;
    const consumers = model.units.filter(u => u.dependencies.some(d => d.target === cache.name));
    const used: number[] = [];
    const passwords: Array<{ key: string; property: string }> = [];
    let withoutIndex = 0;
    for (const unit of consumers) {
      const before = used.length;
      const onlyCache = unit.dependencies.filter(d => d.targetType === ResourceTypes.cache).length === 1;
      for (const m of unit.manifests) {
        for (const [path, value] of strings(m.object)) {
          const key = path.split('.').pop() ?? '';
          if (m.object.kind === 'ConfigMap' && /(REDIS|VALKEY|CACHE|QUEUE)[A-Z_]*_(DB|DATABASE|DB_INDEX|DBINDEX)$/.test(key) && /^\d+$/.test(value)) {
            used.push(Number(value));
          }
          const url = value.match(/^rediss?:\/\/[^\s/]*\/(\d+)$/);
          if (url && (onlyCache || value.includes(svcName))) used.push(Number(url[1]));
        }
        if (m.object.kind === 'ExternalSecret') {
          for (const d of m.object.spec?.data ?? []) {
            const k = String(d.remoteRef?.key ?? '');
            if (/PASSWORD/i.test(String(d.secretKey)) && k.includes(cache.manifest.object.metadata.name.split('-').pop()!)) {
              passwords.push({ key: k, property: d.remoteRef?.property });
            }
          }
        }
      }
      if (used.length === before) withoutIndex++;
    }
    // Where the repo numbers databases, an app naming no index uses database 0.
    if (used.length && withoutIndex > 0) used.push(0);
    let databases: number | undefined;
    for (const m of model.manifests.filter(x => x.object.kind === 'ConfigMap' && x.namespace === ns && x.file.startsWith(dirOf(cache.manifest.file)))) {
      for (const [, value] of strings(m.object.data ?? {})) {
        const hit = value.match(/^\s*databases\s+(\d+)/m);
        if (hit) databases = Number(hit[1]);
      }
    }
    // A Helm release's server configuration is in its values (Bitnami's `commonConfiguration`).
    for (const file of cache.helmRelease?.valueFiles ?? []) {
      const content = snapshot.files.find(f => f.path === file)?.content;
      if (content === undefined) continue;
      let values: unknown;
      try {
        values = parse(content);
      } catch {
        continue; // the model already reports the file as malformed
      }
      for (const [, value] of strings(values)) {
        const hit = value.match(/^\s*databases\s+(\d+)/m);
        if (hit) databases = Number(hit[1]);
      }
    }
    out[cache.name] = {
      resource: cache.name,
      host: `${svcName}.${ns}.svc.cluster.local`,
      port,
      usedIndexes: used.length ? [...new Set(used)].sort((a, b) => a - b) : undefined,
      databases,
      password: mostCommon(passwords),
    };
  }
  return out;
}

function learnRay(model: RepoModel, apps: RepoUnit[], overrides: ConventionOverrides): Record<string, RayConventions> {
  const out: Record<string, RayConventions> = {};
  const gpuNames = new Set<string>();
  for (const m of model.manifests) {
    const walk = (v: any) => {
      if (!v || typeof v !== 'object') return;
      if (v.limits && typeof v.limits === 'object') for (const k of Object.keys(v.limits)) if (/\/gpu$/.test(k)) gpuNames.add(k);
      for (const c of Object.values(v)) walk(c);
    };
    if (group(m.object.apiVersion) === 'ray.io') walk(m.object.spec);
  }
  const gpuResource = overrides.ray?.gpuResource ?? [...gpuNames][0];
  for (const domain of new Set(apps.map(u => u.domain))) {
    const rayObjects = apps
      .filter(u => u.domain === domain)
      .flatMap(u => u.manifests)
      .filter(m => group(m.object.apiVersion) === 'ray.io');
    const pods: any[] = [];
    const collect = (v: any) => {
      if (!v || typeof v !== 'object') return;
      if (v.spec && typeof v.spec === 'object' && Array.isArray(v.spec.containers)) pods.push(v.spec);
      for (const c of Object.values(v)) collect(c);
    };
    rayObjects.forEach(m => collect(m.object.spec));
    const serviceAccount = mostCommon(pods.map(p => p.serviceAccountName as string | undefined));
    if (!serviceAccount) continue;
    // The service account must be defined in the repo for the domain, not just named.
    const defined = model.manifests.some(
      m => m.object.kind === 'ServiceAccount' && m.object.metadata.name === serviceAccount && m.namespace === apps.find(u => u.domain === domain)?.namespace,
    );
    if (!defined) continue;
    const images = pods.flatMap(p => p.containers.map((c: any) => String(c.image)));
    const priorityOf = (kind: string) => {
      const ofKind: any[] = [];
      const walk = (v: any) => {
        if (!v || typeof v !== 'object') return;
        if (v.spec && typeof v.spec === 'object' && Array.isArray(v.spec.containers)) ofKind.push(v.spec);
        for (const c of Object.values(v)) walk(c);
      };
      rayObjects.filter(m => m.object.kind === kind).forEach(m => walk(m.object.spec));
      return mostCommon(ofKind.map(p => p.priorityClassName as string | undefined));
    };
    out[domain] = {
      serviceAccount,
      priorityClass: mostCommon(pods.map(p => p.priorityClassName as string | undefined)),
      priorityClassByKind: Object.fromEntries(
        ['RayService', 'RayJob', 'RayCluster'].map(k => [k, priorityOf(k)]).filter(([, v]) => v !== undefined),
      ),
      image: mostCommon(images.filter(i => /cpu/.test(i))) ?? mostCommon(images),
      rayVersion: mostCommon(rayObjects.map(m => m.object.spec?.rayVersion ?? m.object.spec?.rayClusterConfig?.rayVersion)),
      gpuResource,
    };
  }
  return out;
}

/**
 * Learns how this repo writes apps from the apps it already has; values of
 * `homelab.conventions` win. Nothing here names one homelab.
 *
 * @public
 */
export function learnConventions(
  snapshot: RepoSnapshot,
  model: RepoModel,
  overrides: ConventionOverrides = {},
): RepoConventions {
  const apps = model.units.filter(u => u.layer === 'app');
  const platform = model.units.filter(u => u.layer === 'platform');
  const appArgo = argoObjects(model, apps);
  const domainOfArgo = (m: ParsedManifest) => apps.find(u => u.argoApps.some(a => a.file === m.file))?.domain;
  const learnedApps = learnArgo(appArgo, domainOfArgo);
  const learnedPlatform = learnArgo(argoObjects(model, platform), () => undefined);
  const fallback: ArgoAppConventions = learnedApps ?? learnedPlatform ?? { repoURL: '', targetRevision: 'HEAD', labels: {} };
  const byDomain: Record<string, ArgoAppConventions> = {};
  for (const domain of new Set(apps.map(u => u.domain))) {
    const own = learnArgo(appArgo.filter(m => domainOfArgo(m) === domain), domainOfArgo);
    if (own) byDomain[domain] = applyArgoOverrides({ ...own, project: own.project ?? fallback.project }, overrides.argo);
  }
  const argoFolder = mostCommon(appArgo.map(m => dirOf(m.file))) ?? mostCommon(model.argoApps.map(a => dirOf(a.file))) ?? '';
  const patternOf = (m: ParsedManifest) =>
    ['{name}-app.yaml', '{name}.yaml', '{name}-application.yaml'].find(p => baseOf(m.file) === p.replace('{name}', m.object.metadata.name));
  const filePattern = mostCommon(appArgo.map(patternOf)) ?? '{name}-app.yaml';

  const namespaces: Record<string, string> = {};
  for (const domain of new Set(apps.map(u => u.domain))) {
    const ns = mostCommon(apps.filter(u => u.domain === domain).map(u => u.namespace));
    if (ns) namespaces[domain] = ns;
  }

  const appManifests = apps.flatMap(u => u.manifests);
  const externalSecrets = appManifests.filter(m => m.object.kind === 'ExternalSecret');
  const keyPatterns: string[] = [];
  for (const unit of apps) {
    for (const es of unit.manifests.filter(m => m.object.kind === 'ExternalSecret')) {
      for (const d of es.object.spec?.data ?? []) {
        const key = String(d.remoteRef?.key ?? '');
        if (key.includes(unit.name) && key.includes(unit.domain)) {
          keyPatterns.push(key.replace(unit.domain, '{domain}').replace(unit.name, '{app}'));
        }
      }
    }
  }
  const store = mostCommon(externalSecrets.map(m => m.object.spec?.secretStoreRef as { kind?: string; name?: string } | undefined));

  const kustomizations = model.manifests.filter(m => m.object.kind === 'Kustomization');
  const pvcs = appManifests.filter(m => m.object.kind === 'PersistentVolumeClaim');
  const rs = appManifests.find(m => group(m.object.apiVersion) === 'volsync.backube' && m.object.kind === 'ReplicationSource');

  return {
    argo: {
      folder: argoFolder,
      filePattern,
      byDomain,
      apps: applyArgoOverrides(fallback, overrides.argo),
      platform: applyArgoOverrides(learnedPlatform ?? fallback, overrides.argo),
      platformFolder: mostCommon(argoObjects(model, platform).map(m => dirOf(m.file))) ?? argoFolder,
    },
    namespaces,
    ingress: learnIngress(model, apps, overrides),
    secrets: {
      storeKind: overrides.secretStore?.kind ?? store?.kind ?? 'ClusterSecretStore',
      storeName: overrides.secretStore?.name ?? store?.name,
      keyPattern: overrides.vaultKeyPattern ?? mostCommon(keyPatterns) ?? '{domain}/{app}',
      refreshInterval: mostCommon(externalSecrets.map(m => m.object.spec?.refreshInterval as string | undefined)) ?? '1h',
    },
    partOfLabel: appManifests.filter(m => m.object.metadata.labels?.[PART_OF]).length * 2 > appManifests.length ? PART_OF : undefined,
    storageClass: overrides.storageClass ?? mostCommon(pvcs.map(p => p.object.spec?.storageClassName as string | undefined)),
    indentSequences: (mostCommon(kustomizations.map(k => k.file).map(f => sequenceIndented(snapshot, f))) ?? false) as boolean,
    replicationSource: rs
      ? { file: rs.file, objects: model.manifests.filter(m => m.file === rs.file).map(m => m.object) }
      : undefined,
    caches: learnCaches(model, snapshot),
    ray: learnRay(model, apps, overrides),
  };
}

function sequenceIndented(snapshot: RepoSnapshot, file: string): boolean | undefined {
  const text = snapshot.files.find(f => f.path === file)?.content;
  if (!text) return undefined;
  const hit = text.match(/^([ \t]*)[\w.-]+:[ \t]*\n([ \t]*)- /m);
  return hit ? hit[2].length > hit[1].length : undefined;
}
