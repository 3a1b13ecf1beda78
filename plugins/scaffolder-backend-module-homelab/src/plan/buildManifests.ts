import type { ArgoAppConventions, RepoConventions } from '@internal/plugin-homelab-gitops-node';

type Obj = Record<string, any>;

/** Drops undefined and empty-object values so generated files stay minimal. */
export function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as any;
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p === undefined) continue;
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out as T;
  }
  return value;
}

export function appLabels(c: RepoConventions, name: string, domain: string, extra: Obj = {}): Obj {
  return { 'app.kubernetes.io/name': name, ...(c.partOfLabel ? { [c.partOfLabel]: domain } : {}), ...extra };
}

export function argoApplication(
  argo: ArgoAppConventions,
  o: { name: string; domain?: string; namespace: string; path: string; chart?: { repoURL: string; chart: string; version: string } },
): Obj {
  const fill = (v: string) => (o.domain ? v.replace('{domain}', o.domain) : v);
  const labels = Object.fromEntries(
    Object.entries(argo.labels)
      .filter(([, v]) => o.domain || !v.includes('{domain}'))
      .map(([k, v]) => [k, fill(v)]),
  );
  const gitSource = { repoURL: argo.repoURL, targetRevision: argo.targetRevision, path: o.path };
  const app: Obj = prune({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: o.name,
      namespace: argo.namespace,
      annotations: argo.syncWave !== undefined ? { 'argocd.argoproj.io/sync-wave': argo.syncWave } : undefined,
      labels,
      finalizers: argo.finalizers,
    },
    spec: {
      project: argo.project ? fill(argo.project) : 'default',
      ...(o.chart
        ? {
            sources: [
              {
                repoURL: o.chart.repoURL,
                chart: o.chart.chart,
                targetRevision: o.chart.version,
                helm: { releaseName: o.name, valueFiles: [`$values/${o.path}/values.yaml`] },
              },
              { ...gitSource, ref: 'values' },
            ],
          }
        : { source: gitSource }),
      destination: { server: argo.destinationServer, name: argo.destinationServer ? undefined : argo.destinationName, namespace: o.namespace },
    },
  });
  // Copied as is: an empty `automated: {}` still switches automated sync on.
  if (argo.syncPolicy !== undefined) app.spec.syncPolicy = structuredClone(argo.syncPolicy);
  return app;
}

export function podSecurityContext(uid = 1000): Obj {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: uid,
    fsGroup: uid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

export const containerSecurityContext = (readOnlyRootFilesystem: boolean): Obj => ({
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem,
  capabilities: { drop: ['ALL'] },
});

export function vpa(c: RepoConventions, name: string, domain: string, kind = 'Deployment'): Obj {
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name, labels: appLabels(c, name, domain) },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind, name },
      updatePolicy: { updateMode: 'Off' },
      resourcePolicy: { containerPolicies: [{ containerName: '*', controlledResources: ['cpu', 'memory'] }] },
    },
  };
}

export function pdb(c: RepoConventions, name: string, domain: string): Obj {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, labels: appLabels(c, name, domain) },
    spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': name } } },
  };
}

export function ingress(
  c: RepoConventions,
  o: { name: string; domain: string; namespace: string; host: string; className: string; service: string; port: number },
): Obj {
  const annotations = {
    ...(c.ingress.issuer ? { [c.ingress.issuer.annotation]: c.ingress.issuer.name } : {}),
    ...(c.ingress.annotationsByClass[o.className] ?? {}),
  };
  return prune({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: o.name, namespace: o.namespace, labels: appLabels(c, o.name, o.domain), annotations },
    spec: {
      ingressClassName: o.className,
      tls: [{ secretName: `${o.name}-tls`, hosts: [o.host] }],
      rules: [
        {
          host: o.host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: o.service, port: { number: o.port } } } }] },
        },
      ],
    },
  });
}

/**
 * VolSync backup of a PVC, copied from the repo's own ReplicationSource and
 * the objects next to it (its restic secret), names replaced.
 */
export function replicationSourceLike(
  c: RepoConventions,
  o: { pvc: string; app: string; domain: string; namespace: string; uid: number },
): Obj[] | undefined {
  const template = c.replicationSource;
  if (!template) return undefined;
  const rs = template.objects.find((x: any) => x.kind === 'ReplicationSource') as Obj | undefined;
  if (!rs) return undefined;
  const oldPvc: string = rs.spec?.sourcePVC;
  const oldApp: string | undefined = rs.metadata?.labels?.['app.kubernetes.io/name'];
  const oldDomain: string | undefined = c.partOfLabel ? rs.metadata?.labels?.[c.partOfLabel] : undefined;
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v.split(oldPvc).join(o.pvc);
      if (oldApp && oldApp !== oldPvc) s = s === oldApp ? o.app : s;
      if (oldDomain) s = s === oldDomain ? o.domain : s.split(`/${oldDomain}/`).join(`/${o.domain}/`);
      return s;
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  return template.objects.map(x => {
    const copy = swap(structuredClone(x)) as Obj;
    delete copy.metadata?.namespace;
    // The mover runs as the app's user, or it cannot read the volume.
    if (copy.spec?.restic?.moverSecurityContext) copy.spec.restic.moverSecurityContext = { runAsUser: o.uid, runAsGroup: o.uid, fsGroup: o.uid };
    return copy;
  });
}
