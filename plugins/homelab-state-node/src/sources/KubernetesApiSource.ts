import { ApiException, CustomObjectsApi, KubeConfig, Observable } from '@kubernetes/client-node';
import type { ObservableMiddleware, RequestContext, ResponseContext } from '@kubernetes/client-node';
import type { KubeObject, ObjectKind } from '@internal/plugin-homelab-state-common';
import type { ObjectSource } from './types';
import { errorForStatus, StateReadError } from './types';

/**
 * How to reach one cluster; the same fields as the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods[].clusters[]`.
 *
 * @public
 */
export interface ClusterConnection {
  name: string;
  url: string;
  /** Service account token. Absent: the pod's own service account (in-cluster config). */
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']);

/**
 * Lists custom resources through `@kubernetes/client-node`, one cluster-wide
 * list call per kind and cluster; never reads Secrets.
 *
 * @public
 */
export class KubernetesApiSource implements ObjectSource {
  private readonly apis = new Map<string, CustomObjectsApi>();

  constructor(private readonly connections: ClusterConnection[]) {
    for (const c of connections) {
      const kc = new KubeConfig();
      if (!c.serviceAccountToken) {
        // The pod's own service account; client-node re-reads the rotating token file.
        kc.loadFromCluster();
      } else {
        kc.loadFromOptions({
          clusters: [{ name: c.name, server: c.url, caData: c.caData, caFile: c.caFile, skipTLSVerify: c.skipTLSVerify ?? false }],
          users: [{ name: 'portal', token: c.serviceAccountToken }],
          contexts: [{ name: c.name, cluster: c.name, user: 'portal' }],
          currentContext: c.name,
        });
      }
      this.apis.set(c.name, kc.makeApiClient(CustomObjectsApi));
    }
  }

  clusters(): string[] {
    return this.connections.map(c => c.name);
  }

  async list(cluster: string, kind: ObjectKind, signal?: AbortSignal): Promise<KubeObject[]> {
    const api = this.apis.get(cluster);
    if (!api) throw new StateReadError('unknown', cluster, kind, `No cluster named ${cluster} is configured`);
    try {
      // The reader's timeout aborts the HTTP request itself, not only the wait for it.
      const abortOnSignal: ObservableMiddleware = {
        pre: (ctx: RequestContext) => {
          if (signal) ctx.setSignal(signal);
          return new Observable(Promise.resolve(ctx));
        },
        post: (r: ResponseContext) => new Observable(Promise.resolve(r)),
      };
      const res: any = await api.listClusterCustomObject(
        { group: kind.group, version: kind.version, plural: kind.plural },
        { middleware: [abortOnSignal], middlewareMergeStrategy: 'append' },
      );
      return (res?.items ?? []).map((o: KubeObject) => ({ apiVersion: `${kind.group}/${kind.version}`, kind: kind.kind, ...o }));
    } catch (e) {
      if (e instanceof StateReadError) throw e;
      if (e instanceof ApiException) {
        let detail: string | undefined;
        try {
          detail = typeof e.body === 'string' ? JSON.parse(e.body).message : (e.body as any)?.message;
        } catch {
          detail = undefined;
        }
        throw errorForStatus(e.code, cluster, kind, detail);
      }
      if (signal?.aborted) throw new StateReadError('timeout', cluster, kind, `Listing ${kind.plural}.${kind.group} in cluster ${cluster} was aborted (timeout)`);
      const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException; type?: string };
      const code = err.code ?? err.cause?.code;
      if ((code && NETWORK_CODES.has(code)) || err.type === 'system') {
        throw new StateReadError('unreachable', cluster, kind, `Cluster ${cluster} is unreachable: ${err.message}`);
      }
      throw new StateReadError('unknown', cluster, kind, `Listing ${kind.plural}.${kind.group} in cluster ${cluster} failed: ${err.message}`);
    }
  }
}
