import { join } from 'node:path';
import type { ClusterConnection } from './KubernetesApiSource';

/**
 * What the pod the portal runs in offers, if it runs in one: the API server
 * address Kubernetes puts in every pod's environment and the folder holding
 * the projected service account token and CA.
 *
 * @public
 */
export interface InClusterEnvironment {
  /** `KUBERNETES_SERVICE_HOST`; undefined outside a pod. */
  host?: string;
  /** `KUBERNETES_SERVICE_PORT`. */
  port?: string;
  /** Where `token` and `ca.crt` are mounted; `/var/run/secrets/kubernetes.io/serviceaccount` in a pod. */
  serviceAccountDir: string;
  /** Whether the token file exists in `serviceAccountDir`. */
  hasToken: boolean;
}

/**
 * How `source: kubernetes` may reach one configured cluster: with the
 * configured token, with the pod's own service account, without credentials
 * (a local `kubectl proxy`), or not at all, with the reason.
 *
 * @public
 */
export type ClusterAccess =
  | { type: 'token'; server: string; token: string }
  | { type: 'in-cluster'; server: string; tokenFile: string; caFile: string }
  | { type: 'anonymous'; server: string }
  | { type: 'refused'; reason: string };

/**
 * The Kubernetes plugin's providers that sign in with the browser user's own
 * token. The others (aws, azure, googleServiceAccount, microsoft, custom
 * strategies) hold credentials in the Kubernetes plugin's backend, which its
 * proxy uses.
 */
const USER_TOKEN_PROVIDERS = new Set(['aks', 'google', 'oidc']);

/** The in-cluster API server's Service, by the names any pod may use for it. */
const IN_CLUSTER_HOSTS = /^kubernetes(\.default(\.svc(\.[a-z0-9.-]+)?)?)?$/;

const defaultPort = (url: URL) => url.port || (url.protocol === 'http:' ? '80' : '443');

/**
 * The Kubernetes plugin's rules for a `config` locator cluster, applied
 * honestly: the pod's own service account is used only where the cluster
 * says `authProvider: serviceAccount` without a token *and* its `url` names
 * the cluster the pod runs in. The Kubernetes plugin would use the pod's
 * account for any such cluster whatever its `url`; reading one cluster and
 * labelling it with another's name is worse than saying why it is not read.
 *
 * @public
 */
export function resolveClusterAccess(connection: ClusterConnection, env: InClusterEnvironment): ClusterAccess {
  const { name, url, authProvider, serviceAccountToken } = connection;
  if (authProvider === 'localKubectlProxy') return { type: 'anonymous', server: url };
  if (authProvider !== 'serviceAccount') {
    const remedy = USER_TOKEN_PROVIDERS.has(authProvider)
      ? "it needs the signed-in user's token, which no backend reader has (kubernetes-proxy cannot either); give the portal a service account there (authProvider: serviceAccount with serviceAccountToken)"
      : 'set homelab.state.source: kubernetes-proxy to read it through the Kubernetes plugin, which holds those credentials';
    return { type: 'refused', reason: `Cluster ${name} uses authProvider ${authProvider}, which source: kubernetes cannot use; ${remedy}` };
  }
  if (serviceAccountToken) return { type: 'token', server: url, token: serviceAccountToken };

  const ownAccount = `Cluster ${name} has authProvider serviceAccount and no serviceAccountToken, which means the portal pod's own service account`;
  if (!env.host || !env.port || !env.hasToken) {
    return {
      type: 'refused',
      reason: `${ownAccount}, but the portal is not running in a Kubernetes pod (no KUBERNETES_SERVICE_HOST/PORT or no token in ${env.serviceAccountDir}); set serviceAccountToken for it`,
    };
  }
  const hostPort = `${env.host.includes(':') ? `[${env.host}]` : env.host}:${env.port}`;
  // client-node's rule for the in-cluster scheme.
  const scheme = ['80', '8080', '8001'].includes(env.port) ? 'http' : 'https';
  const server = `${scheme}://${hostPort}`;
  let configured: URL;
  try {
    configured = new URL(url);
  } catch {
    return { type: 'refused', reason: `Cluster ${name} has url "${url}", which is not a URL` };
  }
  const host = configured.hostname.replace(/^\[|\]$/g, '');
  const namesThisCluster =
    defaultPort(configured) === env.port && (host === env.host || IN_CLUSTER_HOSTS.test(host));
  if (!namesThisCluster) {
    return {
      type: 'refused',
      reason: `${ownAccount}, but its url ${url} is not the cluster the portal runs in (${server}, kubernetes.default.svc:${env.port}); set serviceAccountToken for it`,
    };
  }
  return { type: 'in-cluster', server, tokenFile: join(env.serviceAccountDir, 'token'), caFile: join(env.serviceAccountDir, 'ca.crt') };
}
