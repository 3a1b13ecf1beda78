import { InputError } from '@backstage/errors';
import { HOMELAB_ANNOTATION_PREFIX, ResourceTypes } from '@internal/plugin-homelab-common';
import { appDomains, kustomizationOf, placeApp } from '@internal/plugin-homelab-gitops-node';
import { validateHostname } from '@internal/plugin-homelab-scaffolder-common';
import type { PlannedFile } from '@internal/plugin-homelab-scaffolder-common';
import type { RepoResource } from '@internal/plugin-homelab-gitops-node';
import type { RepoContext } from '../source/RepoContext';
import { addKustomizationResource, addManagedRole, appendDocuments } from '../yaml/editYamlDocuments';
import { renderManifests } from '../yaml/renderManifests';
import type { AppRequest } from './AppRequest';
import {
  appLabels,
  argoApplication,
  containerSecurityContext,
  ingress,
  pdb,
  podSecurityContext,
  prune,
  replicationSourceLike,
  vpa,
} from './buildManifests';
import { resolveIngressClass, resolveResource } from './resolveReferences';
import { unifiedDiff } from './unifiedDiff';
import { validateAppRequest } from './validateAppRequest';

type Obj = Record<string, any>;

/**
 * Everything a template will write, computed before anything is written.
 *
 * @public
 */
export interface AppPlan {
  /** Every file with its full new content and a unified diff (the whole file for creations). */
  files: Array<Required<PlannedFile>>;
  /** Catalog component names the change adds (one per Argo Application). */
  components: string[];
  /** Entity names of the resources the new app depends on. */
  dependencies: string[];
  /** Vault keys to create, with the property names (never values). */
  /**
   * Vault keys the app reads, with every property, and those nobody but the
   * portal knows a value for (a new role's password), which
   * homelab:vault:write may generate.
   */
  vaultKeys: Array<{ key: string; properties: string[]; generate: string[] }>;
  /** Markdown summary for the task output and the pull request. */
  summary: string;
}

const OWNER_ANNOTATION = `${HOMELAB_ANNOTATION_PREFIX}/owner`;
const DESCRIPTION_ANNOTATION = `${HOMELAB_ANNOTATION_PREFIX}/description`;
const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/'));
const envName = (property: string) => property.toUpperCase();

class PlanBuilder {
  readonly files = new Map<string, Required<PlannedFile>>();
  private readonly edited = new Map<string, string>();
  constructor(private readonly ctx: RepoContext) {}

  private current(path: string): string | undefined {
    return this.edited.get(path) ?? this.ctx.snapshot.files.find(f => f.path === path)?.content;
  }

  create(path: string, objects: Obj[], comment?: string) {
    if (this.ctx.model.paths.has(path) || this.files.has(path)) {
      throw new InputError(`name: ${path} already exists in GitOps source ${this.ctx.sourceId}`);
    }
    const content = renderManifests(objects, this.ctx.conventions.indentSequences, comment);
    this.files.set(path, { path, action: 'create', content, diff: unifiedDiff(path, '', content) });
  }

  edit(path: string, change: (text: string) => string) {
    const before = this.ctx.snapshot.files.find(f => f.path === path)?.content;
    if (before === undefined) throw new InputError(`${path} does not exist in GitOps source ${this.ctx.sourceId}`);
    const after = change(this.current(path)!);
    this.edited.set(path, after);
    this.files.set(path, { path, action: 'edit', content: after, diff: unifiedDiff(path, before, after) });
  }

  list(path: string) {
    const dir = dirOf(path);
    const k = kustomizationOf(this.ctx.model, dir);
    if (!k || this.files.has(path) === false) return;
    this.edit(k, text => addKustomizationResource(k, text, path.slice(dir.length + 1), this.ctx.conventions.indentSequences));
  }
}

function checkHost(ctx: RepoContext, host: string) {
  const base = ctx.conventions.ingress.baseDomain;
  if (!base) throw new InputError('hostname: the repo has no base domain to check against; configure homelab.conventions.baseDomain');
  const outside = validateHostname(host, base);
  if (outside) throw new InputError(`hostname: ${outside}`);
  const owner = ctx.model.units.find(u => u.hosts.includes(host));
  if (owner) throw new InputError(`hostname: ${host} is already served by ${owner.name}`);
}

function checkNewUnit(ctx: RepoContext, name: string, dir: string) {
  const clash = ctx.model.units.find(u => u.name === name) ?? ctx.model.argoApps.find(a => a.name === name);
  if (clash) throw new InputError(`name: an app named ${name} already exists in GitOps source ${ctx.sourceId}`);
  if ([...ctx.model.paths].some(p => p.startsWith(`${dir}/`))) throw new InputError(`name: ${dir} already exists in GitOps source ${ctx.sourceId}`);
}

function nextFreeIndex(used: number[], databases?: number): number {
  for (let i = 0; databases === undefined || i < databases; i++) if (!used.includes(i)) return i;
  throw new InputError(`cache: every one of its ${databases} databases is already used by an app`);
}

interface WebParts {
  name: string;
  domain: string;
  namespace: string;
  dir: string;
  replicas: number;
  config: Record<string, string>;
  secretData: Array<{ secretKey: string; key: string; property: string }>;
  ownKeyProperties: string[];
  /** Files that live in the app directory and go into its kustomization (an ingress, when the repo keeps them there). */
  extraFiles: Array<{ file: string; objects: Obj[] }>;
}

/** Deployment, Service, ServiceAccount, VPA (+PDB, PVC, backups, config, secret) of one app directory. */
function webAppFiles(b: PlanBuilder, ctx: RepoContext, req: AppRequest, p: WebParts, ownerAnnotations: Obj) {
  const c = ctx.conventions;
  const port = req.port ?? 8080;
  const labels = appLabels(c, p.name, p.domain);
  const resources: string[] = [];
  const add = (file: string, objects: Obj[]) => {
    b.create(`${p.dir}/${file}`, objects);
    resources.push(file);
  };
  add('serviceaccount.yaml', [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: p.name, labels }, automountServiceAccountToken: false },
  ]);
  const hasConfig = Object.keys(p.config).length > 0;
  if (hasConfig) add('configmap.yaml', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${p.name}-config`, labels }, data: p.config }]);
  if (p.secretData.length > 0) {
    add('externalsecret.yaml', [
      {
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: { name: `${p.name}-secret`, labels: c.partOfLabel ? { [c.partOfLabel]: p.domain } : undefined },
        spec: {
          refreshInterval: c.secrets.refreshInterval,
          secretStoreRef: { kind: c.secrets.storeKind, name: c.secrets.storeName },
          target: { name: `${p.name}-secret`, creationPolicy: 'Owner' },
          data: p.secretData.map(d => ({ secretKey: d.secretKey, remoteRef: { key: d.key, property: d.property } })),
        },
      },
    ]);
  }
  const volumes: Obj[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
  const mounts: Obj[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (req.storage) {
    const pvc = `${p.name}-data`;
    const storageClass = req.storage.storageClass
      ? resolveResource(ctx, 'storage.storageClass', req.storage.storageClass, ResourceTypes.storageClass).manifest.object.metadata.name
      : c.storageClass;
    add('pvc.yaml', [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: pvc, labels },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: storageClass, resources: { requests: { storage: req.storage.size } } },
      },
    ]);
    volumes.push({ name: 'data', persistentVolumeClaim: { claimName: pvc } });
    mounts.push({ name: 'data', mountPath: req.storage.mountPath });
    const backup = replicationSourceLike(c, { pvc, app: p.name, domain: p.domain, namespace: p.namespace, uid: 1000 });
    if (!backup) {
      throw new InputError('storage: the repo has no VolSync ReplicationSource to follow for backing up the volume');
    }
    add('replicationsource.yaml', backup);
  }
  const envFrom = [
    ...(hasConfig ? [{ configMapRef: { name: `${p.name}-config` } }] : []),
    ...(p.secretData.length ? [{ secretRef: { name: `${p.name}-secret` } }] : []),
  ];
  add('deployment.yaml', [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: p.name, labels },
      spec: {
        replicas: p.replicas,
        revisionHistoryLimit: 3,
        ...(req.storage ? { strategy: { type: 'Recreate' } } : {}),
        selector: { matchLabels: { 'app.kubernetes.io/name': p.name } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: p.name,
            securityContext: podSecurityContext(),
            containers: [
              {
                name: p.name,
                image: req.image,
                ports: [{ name: 'http', containerPort: port }],
                envFrom: envFrom.length ? envFrom : undefined,
                readinessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 10 },
                livenessProbe: { tcpSocket: { port: 'http' }, periodSeconds: 30 },
                resources: {
                  requests: { cpu: req.cpu ?? '50m', memory: req.memory ?? '128Mi' },
                  limits: { memory: req.memory ?? '128Mi' },
                },
                securityContext: containerSecurityContext(true),
                volumeMounts: mounts,
              },
            ],
            volumes,
          },
        },
      },
    },
  ]);
  add('service.yaml', [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: p.name, labels },
      spec: { selector: { 'app.kubernetes.io/name': p.name }, ports: [{ name: 'http', port, targetPort: 'http' }] },
    },
  ]);
  if (p.replicas > 1) add('pdb.yaml', [pdb(c, p.name, p.domain)]);
  add('vpa.yaml', [vpa(c, p.name, p.domain)]);
  for (const extra of p.extraFiles) add(extra.file, extra.objects);
  b.create(`${p.dir}/kustomization.yaml`, [
    prune({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      metadata: { name: p.name, annotations: ownerAnnotations },
      namespace: p.namespace,
      resources,
    }),
  ]);
}

/**
 * Validates a request against the field rules and the repo, then computes
 * every file to create or edit. Throws an InputError naming the field
 * before anything is written.
 *
 * @public
 */
export function planApp(ctx: RepoContext, req: AppRequest): AppPlan {
  validateAppRequest(req);
  const c = ctx.conventions;
  const b = new PlanBuilder(ctx);
  const dependencies = new Set<string>();
  const vaultKeys = new Map<string, Set<string>>();
  // Properties nothing but the portal has a value for yet (a new role's password).
  const generated = new Set<string>();
  const components: string[] = [];
  const ownerAnnotations = prune({
    [OWNER_ANNOTATION]: req.owner || undefined,
    [DESCRIPTION_ANNOTATION]: req.description || undefined,
  });

  if (req.kind === 'platform') {
    if (req.domain !== ctx.layout.platformDomain) {
      throw new InputError(`domain: platform components belong to the ${ctx.layout.platformDomain} domain, not ${req.domain}`);
    }
    return planPlatform(ctx, req, b, ownerAnnotations);
  }
  if (!appDomains(ctx.model, c).includes(req.domain)) {
    throw new InputError(`domain: "${req.domain}" is not an app domain of GitOps source ${ctx.sourceId}; known: ${appDomains(ctx.model, c).join(', ')}`);
  }
  const argo = c.argo.byDomain[req.domain] ?? c.argo.apps;
  const ownKey = c.secrets.keyPattern.replace('{domain}', req.domain).replace('{app}', req.name);

  if (req.kind === 'web' || req.kind === 'static-site') {
    const variants = req.kind === 'static-site' ? ['prod', 'staging'] : [undefined];
    const base = c.ingress.baseDomain;
    for (const variant of variants) {
      const place = placeApp(ctx.model, ctx.layout, c, { domain: req.domain, name: req.name, variant });
      checkNewUnit(ctx, place.name, place.appDir);
      const workload = variant === 'staging' ? `${req.name}-staging` : req.name;
      let host = req.hostname || undefined;
      if (host && variant === 'staging') {
        host = host === base ? `${req.name}-staging.${base}` : host.replace(/^([^.]+)\./, '$1-staging.');
      }
      if (req.kind === 'static-site' && !host) throw new InputError('hostname: a static site needs a host name');
      if (host) checkHost(ctx, host);
      const config: Record<string, string> = {};
      const secretData: WebParts['secretData'] = [];
      const ownProps = [...(req.secretKeys ?? [])];
      if (req.postgresCluster) {
        const cluster = resolveResource(ctx, 'postgresCluster', req.postgresCluster, ResourceTypes.postgresCluster);
        if (cluster.manifest.object.kind !== 'Cluster') {
          throw new InputError(`postgresCluster: ${cluster.name} is not a CloudNativePG Cluster, so no database can be added to it`);
        }
        dependencies.add(cluster.name);
        const db = req.database || req.name.replace(/-/g, '_');
        Object.assign(config, {
          DB_HOST: `${cluster.manifest.object.metadata.name}-rw.${cluster.manifest.namespace}.svc.cluster.local`,
          DB_PORT: '5432',
          DB_NAME: db,
          DB_USER: db,
        });
        ownProps.push('db_password');
        generated.add('db_password');
        if (variant !== 'staging') addPostgresDatabase(ctx, b, cluster, { role: db, database: db, vaultKey: ownKey });
      }
      if (req.cache) {
        const cache = resolveResource(ctx, 'cache', req.cache, ResourceTypes.cache);
        dependencies.add(cache.name);
        const learned = c.caches[cache.name];
        config.REDIS_HOST = learned?.host ?? `${cache.manifest.object.metadata.name}.${cache.manifest.namespace}.svc.cluster.local`;
        config.REDIS_PORT = String(learned?.port ?? 6379);
        if (learned?.usedIndexes) config.REDIS_DB = String(nextFreeIndex(learned.usedIndexes, learned.databases));
        if (learned?.password) secretData.push({ secretKey: 'REDIS_PASSWORD', key: learned.password.key, property: learned.password.property });
      }
      for (const prop of ownProps) secretData.push({ secretKey: envName(prop), key: ownKey, property: prop });
      if (ownProps.length) vaultKeys.set(ownKey, new Set(ownProps));
      let ingressObject: Obj | undefined;
      if (host) {
        const className = resolveIngressClass(ctx, variant === 'staging' ? 'restricted' : req.ingressClass);
        const ingressName = variant === 'staging' ? `${req.name}-staging` : req.name;
        ingressObject = ingress(c, { name: ingressName, domain: req.domain, namespace: place.namespace, host, className, service: workload, port: req.port ?? 8080 });
      }
      const ingressInAppDir = place.ingressFile.startsWith(`${place.appDir}/`);
      webAppFiles(b, ctx, req, {
        extraFiles: ingressObject && ingressInAppDir ? [{ file: place.ingressFile.slice(place.appDir.length + 1), objects: [ingressObject] }] : [],
        name: workload,
        domain: req.domain,
        namespace: place.namespace,
        dir: place.appDir,
        replicas: variant === 'staging' ? 1 : req.replicas ?? 1,
        config,
        secretData,
        ownKeyProperties: ownProps,
      }, ownerAnnotations);
      if (ingressObject && !ingressInAppDir) {
        b.create(place.ingressFile, [ingressObject], `${req.domain}/${ingressObject.metadata.name} -> Service ${workload} defined in ${place.appDir}`);
        b.list(place.ingressFile);
      }
      b.create(place.argoAppFile, [argoApplication(argo, { name: place.name, domain: req.domain, namespace: place.namespace, path: place.appDir })]);
      b.list(place.argoAppFile);
      components.push(place.name);
    }
  } else {
    planRay(ctx, req, b, ownerAnnotations, argo, components);
  }

  return finish(b, ctx, req, components, [...dependencies], vaultKeys, generated);
}

function addPostgresDatabase(ctx: RepoContext, b: PlanBuilder, cluster: RepoResource, o: { role: string; database: string; vaultKey: string }) {
  const c = ctx.conventions;
  const clusterName = cluster.manifest.object.metadata.name;
  const folder = dirOf(cluster.manifest.file);
  const inFolder = ctx.model.manifests.filter(m => dirOf(m.file) === folder);
  const roles: Obj[] = cluster.manifest.object.spec?.managed?.roles ?? [];
  if (roles.some(r => r.name === o.role)) throw new InputError(`database: ${clusterName} already has a role ${o.role}`);
  const databases = inFolder.filter(m => m.object.kind === 'Database');
  if (databases.some(d => d.object.spec?.name === o.database)) throw new InputError(`database: ${clusterName} already has a database ${o.database}`);
  const secretName = `${clusterName}-${o.role.replace(/_/g, '-')}`;
  const lastRole = roles[roles.length - 1];
  const role = lastRole
    ? { ...structuredClone(lastRole), name: o.role, passwordSecret: { name: secretName } }
    : { name: o.role, ensure: 'present', login: true, passwordSecret: { name: secretName } };
  b.edit(cluster.manifest.file, text => addManagedRole(cluster.manifest.file, text, clusterName, role, c.indentSequences));

  const database = {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Database',
    metadata: { name: secretName },
    spec: { name: o.database, owner: o.role, ensure: 'present', cluster: { name: clusterName } },
  };
  if (databases.length) {
    const file = databases[databases.length - 1].file;
    b.edit(file, text => appendDocuments(file, text, [database], c.indentSequences));
  } else {
    b.create(`${folder}/databases.yaml`, [database]);
    b.list(`${folder}/databases.yaml`);
  }

  // The role password comes from the app's own Vault key, so both sides agree.
  const lastSecret = lastRole && inFolder.find(m => m.object.kind === 'ExternalSecret' && m.object.metadata.name === lastRole.passwordSecret?.name);
  const passwordSecret = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: secretName },
    spec: {
      refreshInterval: lastSecret?.object.spec?.refreshInterval ?? c.secrets.refreshInterval,
      secretStoreRef: lastSecret?.object.spec?.secretStoreRef ?? { kind: c.secrets.storeKind, name: c.secrets.storeName },
      target: {
        name: secretName,
        creationPolicy: 'Owner',
        template: {
          type: 'kubernetes.io/basic-auth',
          metadata: { labels: { 'cnpg.io/reload': 'true' } },
          data: { username: o.role, password: '{{ .db_password }}' },
        },
      },
      data: [{ secretKey: 'db_password', remoteRef: { key: o.vaultKey, property: 'db_password' } }],
    },
  };
  if (lastSecret) {
    b.edit(lastSecret.file, text => appendDocuments(lastSecret.file, text, [prune(passwordSecret)], c.indentSequences));
  } else {
    b.create(`${folder}/${secretName}-externalsecret.yaml`, [prune(passwordSecret)]);
    b.list(`${folder}/${secretName}-externalsecret.yaml`);
  }
}

function planRay(ctx: RepoContext, req: AppRequest, b: PlanBuilder, ownerAnnotations: Obj, argo: any, components: string[]) {
  const c = ctx.conventions;
  const ray = c.ray[req.domain];
  if (!ray) {
    throw new InputError(
      `domain: ${req.domain} does not provide what Ray workloads need (a service account used by Ray pods); domains that do: ${Object.keys(c.ray).join(', ') || 'none'}`,
    );
  }
  if (req.gpu && !ray.gpuResource) throw new InputError('gpu: the repo names no GPU resource; configure homelab.conventions.ray.gpuResource');
  const image = req.image ?? ray.image;
  if (!image) throw new InputError('image: the domain has no Ray image to default to; give one');
  const place = placeApp(ctx.model, ctx.layout, c, { domain: req.domain, name: req.name });
  checkNewUnit(ctx, place.name, place.appDir);
  const labels = (component: string) => appLabels(c, req.name, req.domain, { 'app.kubernetes.io/component': component });
  const pod = (component: string, container: Obj) => ({
    metadata: { labels: labels(component) },
    spec: prune({
      serviceAccountName: ray.serviceAccount,
      priorityClassName: ray.priorityClassByKind[req.kind === 'ray-service' ? 'RayService' : 'RayJob'] ?? ray.priorityClassByKind.RayCluster ?? ray.priorityClass,
      securityContext: podSecurityContext(1000),
      containers: [{ ...container, image, securityContext: containerSecurityContext(false) }],
    }),
  });
  const cpu = req.cpu ?? '2';
  const memory = req.memory ?? '4Gi';
  const workerResources = req.gpu
    ? { requests: { cpu, memory, [ray.gpuResource!]: 1 }, limits: { cpu, memory, [ray.gpuResource!]: 1 } }
    : { requests: { cpu, memory }, limits: { cpu, memory } };
  const clusterSpec = {
    rayVersion: ray.rayVersion,
    headGroupSpec: {
      rayStartParams: { 'dashboard-host': '0.0.0.0', 'num-cpus': '0' },
      template: pod('head', {
        name: 'ray-head',
        ports: [{ name: 'gcs-server', containerPort: 6379 }, { name: 'dashboard', containerPort: 8265 }, { name: 'client', containerPort: 10001 }, ...(req.kind === 'ray-service' ? [{ name: 'serve', containerPort: 8000 }] : [])],
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
      }),
    },
    workerGroupSpecs: [
      {
        groupName: req.gpu ? 'gpu' : 'cpu',
        replicas: 1,
        minReplicas: req.kind === 'ray-service' ? 1 : 0,
        maxReplicas: 2,
        rayStartParams: req.gpu ? { 'num-gpus': '1' } : {},
        template: pod(req.gpu ? 'gpu-worker' : 'cpu-worker', { name: 'ray-worker', resources: workerResources }),
      },
    ],
  };
  const object =
    req.kind === 'ray-service'
      ? {
          apiVersion: 'ray.io/v1',
          kind: 'RayService',
          metadata: { name: req.name, labels: appLabels(c, req.name, req.domain) },
          spec: {
            serveConfigV2: `applications:\n  - name: ${req.name}\n    route_prefix: /\n    import_path: ${JSON.stringify(req.serveImportPath ?? 'app:deployment')}\n`,
            rayClusterConfig: clusterSpec,
          },
        }
      : {
          apiVersion: 'ray.io/v1',
          kind: 'RayJob',
          metadata: { name: req.name, labels: appLabels(c, req.name, req.domain) },
          spec: {
            entrypoint: req.entrypoint ?? 'python -m main',
            shutdownAfterJobFinishes: true,
            ttlSecondsAfterFinished: 3600,
            rayClusterSpec: clusterSpec,
          },
        };
  const file = req.kind === 'ray-service' ? 'rayservice.yaml' : 'rayjob.yaml';
  b.create(`${place.appDir}/${file}`, [prune(object)]);
  b.create(`${place.appDir}/kustomization.yaml`, [
    prune({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      metadata: { name: req.name, annotations: ownerAnnotations },
      namespace: place.namespace,
      resources: [file],
    }),
  ]);
  b.create(place.argoAppFile, [argoApplication(argo, { name: place.name, domain: req.domain, namespace: place.namespace, path: place.appDir })]);
  b.list(place.argoAppFile);
  components.push(place.name);
}

function planPlatform(ctx: RepoContext, req: AppRequest, b: PlanBuilder, ownerAnnotations: Obj): AppPlan {
  const c = ctx.conventions;
  if (!req.category) throw new InputError('category: is required for a platform component');
  const platformUnits = ctx.model.units.filter(u => u.layer === 'platform');
  const bases = platformUnits.map(u => u.path.split('/')).filter(s => s.length >= 3).map(s => s.slice(0, -2).join('/'));
  const counts = new Map<string, number>();
  bases.forEach(x => counts.set(x, (counts.get(x) ?? 0) + 1));
  const base = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  if (!base) throw new InputError('category: the repo has no platform component folder to follow');
  const dir = `${base}/${req.category}/${req.name}`;
  checkNewUnit(ctx, req.name, dir);
  const namespace = req.namespace || req.name;
  const files: string[] = [];
  if (req.chart) {
    b.create(`${dir}/values.yaml`, [{}], `Helm values of ${req.chart.chart} ${req.chart.version}`);
  }
  b.create(`${dir}/kustomization.yaml`, [
    prune({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', metadata: { name: req.name, annotations: ownerAnnotations }, namespace, resources: files }),
  ]);
  const argoFile = `${c.argo.platformFolder}/${c.argo.filePattern.replace('{name}', req.name)}`;
  b.create(argoFile, [argoApplication(c.argo.platform, { name: req.name, namespace, path: dir, chart: req.chart })]);
  b.list(argoFile);
  return finish(b, ctx, req, [req.name], [], new Map());
}

function finish(
  b: PlanBuilder,
  ctx: RepoContext,
  req: AppRequest,
  components: string[],
  dependencies: string[],
  vaultKeys: Map<string, Set<string>>,
  generated: ReadonlySet<string> = new Set(),
): AppPlan {
  const files = [...b.files.values()].sort((x, y) => x.path.localeCompare(y.path));
  const keys = [...vaultKeys.entries()].map(([key, props]) => {
    const properties = [...props].sort();
    return { key, properties, generate: properties.filter(p => generated.has(p)) };
  });
  const lines = [
    `**${req.kind}** \`${req.name}\` in domain \`${req.domain}\` of GitOps source \`${ctx.sourceId}\`.`,
    '',
    `Components: ${components.map(x => `\`${x}\``).join(', ')}`,
    `Depends on: ${dependencies.length ? dependencies.map(x => `\`${x}\``).join(', ') : 'nothing in the repo'}`,
    '',
    'Files:',
    ...files.map(f => `- ${f.action} \`${f.path}\``),
  ];
  if (keys.length) {
    lines.push('', 'Vault keys to create before syncing (values are never in git):');
    for (const k of keys) lines.push(`- \`${k.key}\` with properties ${k.properties.map(p => `\`${p}\``).join(', ')}`);
  }
  return { files, components, dependencies: [...dependencies].sort(), vaultKeys: keys, summary: lines.join('\n') };
}
