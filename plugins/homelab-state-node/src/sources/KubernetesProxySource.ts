import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import type { KubeObject, ObjectKind } from '@internal/plugin-homelab-state-common';
import type { ObjectSource } from './types';
import { errorForStatus, StateReadError } from './types';

/** The header the Kubernetes plugin's proxy routes a request by. */
const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

/**
 * Lists custom resources through the Kubernetes plugin's proxy
 * (`/api/kubernetes/proxy`) with this plugin's own service token. The
 * Kubernetes plugin then picks the cluster and its credentials exactly as for
 * its own tab, so every cluster locator (config, catalog, gke, custom
 * suppliers) works here too, and every auth provider that holds server-side
 * credentials (serviceAccount, aws, azure, googleServiceAccount, x509 client
 * certificates). Providers that need the signed-in user's own token (google,
 * oidc) cannot serve a backend-side reader and answer 401.
 *
 * The cluster names come from the plugin's `/clusters` route, asked lazily
 * (it is not listening while plugins initialise) and remembered.
 *
 * @public
 */
export class KubernetesProxySource implements ObjectSource {
  private clusterNames?: Promise<string[]>;

  constructor(private readonly deps: { discovery: DiscoveryService; auth: AuthService; fetch?: typeof fetch }) {}

  private async token(): Promise<string> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    return token;
  }

  private get fetch(): typeof fetch {
    return this.deps.fetch ?? fetch;
  }

  clusters(): Promise<string[]> {
    if (!this.clusterNames) {
      this.clusterNames = (async () => {
        const base = await this.deps.discovery.getBaseUrl('kubernetes');
        const res = await this.fetch(`${base}/clusters`, { headers: { authorization: `Bearer ${await this.token()}` } });
        if (!res.ok) throw new Error(`The Kubernetes plugin did not list its clusters: HTTP ${res.status}`);
        const body: { items?: Array<{ name: string }> } = await res.json();
        return (body.items ?? []).map(c => c.name);
      })();
      // A failed ask is asked again next time rather than remembered.
      this.clusterNames.catch(() => {
        this.clusterNames = undefined;
      });
    }
    return this.clusterNames;
  }

  async list(cluster: string, kind: ObjectKind, signal?: AbortSignal): Promise<KubeObject[]> {
    const what = `${kind.plural}.${kind.group}`;
    let res: Response;
    try {
      const base = await this.deps.discovery.getBaseUrl('kubernetes');
      res = await this.fetch(`${base}/proxy/apis/${kind.group}/${kind.version}/${kind.plural}`, {
        headers: { authorization: `Bearer ${await this.token()}`, [CLUSTER_HEADER]: cluster, accept: 'application/json' },
        signal,
      });
    } catch (e) {
      if (signal?.aborted) throw new StateReadError('timeout', cluster, kind, `Listing ${what} in cluster ${cluster} was aborted (timeout)`, e);
      throw new StateReadError('unreachable', cluster, kind, `The Kubernetes plugin's proxy could not be reached for cluster ${cluster}: ${(e as Error).message}`, e);
    }
    if (!res.ok) {
      let detail: string | undefined;
      try {
        const body = await res.json();
        detail = body?.message ?? body?.error?.message;
      } catch {
        detail = undefined;
      }
      // The proxy answers 502/504 when it cannot reach the cluster behind it.
      if (res.status === 502 || res.status === 504) {
        throw new StateReadError('unreachable', cluster, kind, `Cluster ${cluster} is unreachable through the Kubernetes plugin's proxy (HTTP ${res.status})${detail ? `: ${detail}` : ''}`);
      }
      throw errorForStatus(res.status, cluster, kind, detail);
    }
    const body: { items?: KubeObject[] } = await res.json();
    return (body.items ?? []).map(o => ({ apiVersion: `${kind.group}/${kind.version}`, kind: kind.kind, ...o }));
  }
}
