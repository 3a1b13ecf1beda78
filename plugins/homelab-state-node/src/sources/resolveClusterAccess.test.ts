import type { ClusterConnection } from './KubernetesApiSource';
import type { ClusterAccess, InClusterEnvironment } from './resolveClusterAccess';
import { resolveClusterAccess } from './resolveClusterAccess';

// What a k3s pod's environment says (Service kubernetes in default: 10.43.0.1:443).
const pod: InClusterEnvironment = { host: '10.43.0.1', port: '443', serviceAccountDir: '/var/run/secrets/kubernetes.io/serviceaccount', hasToken: true };
const laptop: InClusterEnvironment = { serviceAccountDir: '/var/run/secrets/kubernetes.io/serviceaccount', hasToken: false };
const inCluster: ClusterAccess = {
  type: 'in-cluster',
  server: 'https://10.43.0.1:443',
  tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  caFile: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
};
const cluster = (c: Partial<ClusterConnection>): ClusterConnection => ({ name: 'homelab', url: 'https://kubernetes.default.svc', authProvider: 'serviceAccount', ...c });
const ownAccount = 'has authProvider serviceAccount and no serviceAccountToken, which means the portal pod\'s own service account';

describe('resolveClusterAccess', () => {
  it.each<[string, Partial<ClusterConnection>, InClusterEnvironment, ClusterAccess]>([
    ['a token, in a pod', { url: 'https://192.168.1.50:6443', serviceAccountToken: 't0k' }, pod, { type: 'token', server: 'https://192.168.1.50:6443', token: 't0k' }],
    ['a token, outside a pod', { url: 'https://192.168.1.50:6443', serviceAccountToken: 't0k' }, laptop, { type: 'token', server: 'https://192.168.1.50:6443', token: 't0k' }],
    ['no token, url kubernetes.default.svc (the deployed ConfigMap)', {}, pod, inCluster],
    ['no token, url kubernetes.default.svc.cluster.local:443', { url: 'https://kubernetes.default.svc.cluster.local:443' }, pod, inCluster],
    ['no token, url kubernetes', { url: 'https://kubernetes' }, pod, inCluster],
    ['no token, url the service IP from the environment', { url: 'https://10.43.0.1' }, pod, inCluster],
    ['localKubectlProxy', { authProvider: 'localKubectlProxy', url: 'http://127.0.0.1:8001' }, laptop, { type: 'anonymous', server: 'http://127.0.0.1:8001' }],
    [
      'no token, a remote url, in a pod',
      { name: 'edge', url: 'https://edge.example:6443' },
      pod,
      { type: 'refused', reason: `Cluster edge ${ownAccount}, but its url https://edge.example:6443 is not the cluster the portal runs in (https://10.43.0.1:443, kubernetes.default.svc:443); set serviceAccountToken for it` },
    ],
    [
      'no token, the in-cluster name on another port',
      { url: 'https://kubernetes.default.svc:6443' },
      pod,
      { type: 'refused', reason: `Cluster homelab ${ownAccount}, but its url https://kubernetes.default.svc:6443 is not the cluster the portal runs in (https://10.43.0.1:443, kubernetes.default.svc:443); set serviceAccountToken for it` },
    ],
    [
      'no token, outside a pod',
      {},
      laptop,
      { type: 'refused', reason: `Cluster homelab ${ownAccount}, but the portal is not running in a Kubernetes pod (no KUBERNETES_SERVICE_HOST/PORT or no token in /var/run/secrets/kubernetes.io/serviceaccount); set serviceAccountToken for it` },
    ],
    [
      'no token, the environment but no token file',
      {},
      { ...pod, hasToken: false },
      { type: 'refused', reason: `Cluster homelab ${ownAccount}, but the portal is not running in a Kubernetes pod (no KUBERNETES_SERVICE_HOST/PORT or no token in /var/run/secrets/kubernetes.io/serviceaccount); set serviceAccountToken for it` },
    ],
    [
      'oidc, in a pod',
      { name: 'cloud', authProvider: 'oidc', url: 'https://cloud.example:6443' },
      pod,
      {
        type: 'refused',
        reason: "Cluster cloud uses authProvider oidc, which source: kubernetes cannot use; it needs the signed-in user's token, which no backend reader has (kubernetes-proxy cannot either); give the portal a service account there (authProvider: serviceAccount with serviceAccountToken)",
      },
    ],
    [
      'google, with a token set anyway',
      { name: 'gke', authProvider: 'google', serviceAccountToken: 't0k' },
      pod,
      {
        type: 'refused',
        reason: "Cluster gke uses authProvider google, which source: kubernetes cannot use; it needs the signed-in user's token, which no backend reader has (kubernetes-proxy cannot either); give the portal a service account there (authProvider: serviceAccount with serviceAccountToken)",
      },
    ],
    [
      'aws',
      { name: 'eks', authProvider: 'aws', url: 'https://eks.example' },
      pod,
      { type: 'refused', reason: 'Cluster eks uses authProvider aws, which source: kubernetes cannot use; set homelab.state.source: kubernetes-proxy to read it through the Kubernetes plugin, which holds those credentials' },
    ],
  ])('%s', (_name, connection, env, expected) => {
    expect(resolveClusterAccess(cluster(connection), env)).toEqual(expected);
  });
});
