import { resolve } from 'node:path';
import { readLocalRepo } from '../snapshot/readLocalRepo';
import { DEFAULT_LAYOUT } from '../layout';
import { buildRepoModel } from '../model/buildRepoModel';
import { learnConventions } from './learnConventions';

const examples = resolve(__dirname, '../../../../examples');

describe('learnConventions on the example homelab repo', () => {
  it('learns the Argo, ingress, secret and data conventions from the existing apps', async () => {
    const snapshot = await readLocalRepo(`${examples}/homelab-gitops`);
    const c = learnConventions(snapshot, buildRepoModel(snapshot, DEFAULT_LAYOUT));
    expect(c.argo.folder).toBe('cluster/platform/gitops/argocd/apps');
    expect(c.argo.filePattern).toBe('{name}-app.yaml');
    expect(c.argo.byDomain.productivity).toEqual({
      namespace: 'argocd',
      repoURL: 'https://github.com/example/homelab-gitops.git',
      targetRevision: 'main',
      project: 'apps-{domain}',
      destinationServer: 'https://kubernetes.default.svc',
      destinationName: undefined,
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['CreateNamespace=true'],
        retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
      },
      syncWave: '0',
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
      labels: { 'homelab.example/domain': '{domain}', 'homelab.example/layer': 'apps' },
    });
    expect(c.namespaces).toEqual({ ai: 'ai', media: 'media', other: 'other', productivity: 'productivity', web: 'web' });
    expect(c.ingress).toMatchObject({
      folder: 'cluster/apps/shared/ingress',
      filePattern: '{app}.yaml',
      publicClass: 'haproxy',
      restrictedClass: 'haproxy-restricted',
      issuer: { annotation: 'cert-manager.io/cluster-issuer', name: 'letsencrypt-prod' },
      baseDomain: 'homelab.example',
    });
    expect(c.ingress.annotationsByClass['haproxy-restricted']).toEqual({
      'haproxy.org/allow-list': '192.168.0.0/16,172.16.0.0/12,10.0.0.0/8',
    });
    expect(c.ingress.annotationsByClass.haproxy).toEqual({});
    expect(c.secrets).toEqual({ storeKind: 'ClusterSecretStore', storeName: 'vault', keyPattern: 'apps/{domain}/{app}-secret', refreshInterval: '1h' });
    expect(c.storageClass).toBe('ceph-block');
    expect(c.indentSequences).toBe(false);
    expect(c.partOfLabel).toBe('app.kubernetes.io/part-of');
    // Helm releases: the chart's Service name as the consumers write it, in the Application's destination
    // namespace; the number of databases from the release's values file.
    expect(c.caches['valkey-queue']).toMatchObject({ host: 'valkey-queue-primary.database.svc.cluster.local', port: 6379, databases: 16 });
    expect(c.caches['valkey-cache']).toMatchObject({ host: 'valkey-cache-primary.database.svc.cluster.local', port: 6379, databases: 16 });
    expect(Object.keys(c.ray)).toEqual(['ai']);
    expect(c.ray.ai).toMatchObject({ serviceAccount: 'ray-workloads', gpuResource: 'amd.com/gpu' });
  });

  it('lets homelab.conventions override what is learned', async () => {
    const snapshot = await readLocalRepo(`${examples}/homelab-gitops`);
    const c = learnConventions(snapshot, buildRepoModel(snapshot, DEFAULT_LAYOUT), {
      argo: { repoURL: 'https://git.example.org/lab.git', project: 'default' },
      baseDomain: 'lab.example.org',
      tlsIssuer: 'internal-ca',
      vaultKeyPattern: 'kv/{app}',
    });
    expect(c.argo.byDomain.media).toMatchObject({ repoURL: 'https://git.example.org/lab.git', project: 'default', targetRevision: 'main' });
    expect(c.ingress.baseDomain).toBe('lab.example.org');
    expect(c.ingress.issuer).toEqual({ annotation: 'cert-manager.io/cluster-issuer', name: 'internal-ca' });
    expect(c.secrets.keyPattern).toBe('kv/{app}');
  });
});

describe('learnConventions with Helm apps', () => {
  it('learns repoURL and targetRevision from the git source, not the chart source, of multi-source apps', async () => {
    const snapshot = await readLocalRepo(`${examples}/homelab-gitops`);
    const app = (name: string) => ({
      path: `cluster/platform/gitops/argocd/apps/${name}-app.yaml`,
      content: [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata:',
        `  name: ${name}`,
        '  namespace: argocd',
        'spec:',
        '  project: apps-charts',
        '  sources:',
        `  - repoURL: https://charts.example.org/${name}`,
        `    chart: ${name}`,
        '    targetRevision: 9.9.9',
        '    helm:',
        `      valueFiles: [$values/cluster/apps/charts/${name}/values.yaml]`,
        '  - repoURL: https://github.com/example/homelab-gitops.git',
        '    targetRevision: main',
        '    ref: values',
        '  - repoURL: https://github.com/example/homelab-gitops.git',
        '    targetRevision: main',
        `    path: cluster/apps/charts/${name}`,
        '  destination:',
        '    server: https://kubernetes.default.svc',
        '    namespace: charts',
      ].join('\n'),
    });
    const kustomization = (name: string) => ({
      path: `cluster/apps/charts/${name}/kustomization.yaml`,
      content: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: charts\nresources: []\n',
    });
    const files = [...snapshot.files, app('alpha'), app('beta'), kustomization('alpha'), kustomization('beta')];
    const withCharts = { files, etag: 'x' };
    const c = learnConventions(withCharts, buildRepoModel(withCharts, DEFAULT_LAYOUT));
    expect(c.argo.byDomain.charts).toMatchObject({
      repoURL: 'https://github.com/example/homelab-gitops.git',
      targetRevision: 'main',
      project: 'apps-{domain}',
    });
  });
});
