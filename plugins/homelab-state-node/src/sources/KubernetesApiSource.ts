import type { CustomObjectsApi, ObservableMiddleware, RequestContext, ResponseContext } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubeObject, ObjectKind } from '@internal/plugin-homelab-state-common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectSource } from './types';
import { errorForStatus, StateReadError } from './types';
import type { InClusterEnvironment } from './resolveClusterAccess';
import { resolveClusterAccess } from './resolveClusterAccess';

/**
 * How to reach one cluster; the same fields as the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods[].clusters[]`.
 *
 * @public
 */
export interface ClusterConnection {
  name: string;
  url: string;
  /** The Kubernetes plugin's `authProvider`; this source can use `serviceAccount` and `localKubectlProxy`. */
  authProvider: string;
  /**
   * Service account token. Absent with `authProvider: serviceAccount`: the
   * pod's own service account, if `url` names the cluster the pod runs in.
   */
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}

/** @public */
export interface KubernetesApiSourceOptions {
  /** Gets one structured warning per configured cluster this source refuses to read. */
  logger?: LoggerService;
  /** The pod's environment; read from `process.env` and the standard mount when absent (tests inject it). */
  inCluster?: InClusterEnvironment;
}

type ClientNode = typeof import('@kubernetes/client-node');

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function podEnvironment(): InClusterEnvironment {
  return {
    host: process.env.KUBERNETES_SERVICE_HOST,
    port: process.env.KUBERNETES_SERVICE_PORT,
    serviceAccountDir: SERVICE_ACCOUNT_DIR,
    hasToken: existsSync(join(SERVICE_ACCOUNT_DIR, 'token')),
  };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']);

/**
 * Lists custom resources through `@kubernetes/client-node`, one cluster-wide
 * list call per kind and cluster; never reads Secrets.
 *
 * @public
 */
export class KubernetesApiSource implements ObjectSource {
  /** Clusters configured but not read, with the sentence saying why. */
  private readonly refused = new Map<string, string>();
  private readonly readable: Array<{ connection: ClusterConnection; access: Exclude<ReturnType<typeof resolveClusterAccess>, { type: 'refused' }> }> = [];
  private client?: { module: ClientNode; apis: Map<string, CustomObjectsApi> };

  constructor(
    private readonly connections: ClusterConnection[],
    options: KubernetesApiSourceOptions = {},
  ) {
    const env = options.inCluster ?? podEnvironment();
    for (const c of connections) {
      const access = resolveClusterAccess(c, env);
      if (access.type === 'refused') {
        this.refused.set(c.name, access.reason);
        options.logger?.child({ cluster: c.name, authProvider: c.authProvider }).warn(access.reason);
        continue;
      }
      this.readable.push({ connection: c, access });
    }
  }

  // client-node is loaded on the first list call, so a backend on the
  // recorded source or the Kubernetes proxy never pays its memory (see
  // docs/benchmarks.md, Idle memory).
  private loadClient() {
    if (!this.client) {
      // A plain require: it is what the static import compiled to, and Jest
      // runs no dynamic import() without experimental VM modules.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module: ClientNode = require('@kubernetes/client-node');
      const apis = new Map<string, CustomObjectsApi>();
      for (const { connection: c, access } of this.readable) {
        const kc = new module.KubeConfig();
        // client-node refuses plain http unless TLS checks are off; a local
        // kubectl proxy is plain http and sends no secret over it.
        const plainProxy = access.type === 'anonymous' && access.server.startsWith('http:');
        const cluster = { name: c.name, server: access.server, caData: c.caData, caFile: c.caFile, skipTLSVerify: plainProxy || (c.skipTLSVerify ?? false) };
        if (access.type === 'in-cluster') {
          // What loadFromCluster() builds, from the environment we were given:
          // the pod's CA, and a token file client-node re-reads as it rotates.
          kc.loadFromClusterAndUser(
            { name: c.name, server: access.server, caFile: access.caFile, skipTLSVerify: false },
            { name: 'portal', authProvider: { name: 'tokenFile', config: { tokenFile: access.tokenFile } } },
          );
        } else {
          kc.loadFromOptions({
            clusters: [cluster],
            users: [access.type === 'token' ? { name: 'portal', token: access.token } : { name: 'portal' }],
            contexts: [{ name: c.name, cluster: c.name, user: 'portal' }],
            currentContext: c.name,
          });
        }
        apis.set(c.name, kc.makeApiClient(module.CustomObjectsApi));
      }
      this.client = { module, apis };
    }
    return this.client;
  }

  clusters(): string[] {
    return this.connections.map(c => c.name);
  }

  async list(cluster: string, kind: ObjectKind, signal?: AbortSignal): Promise<KubeObject[]> {
    const refusal = this.refused.get(cluster);
    if (refusal) throw new StateReadError('unsupported-auth', cluster, kind, refusal);
    const { module, apis } = this.loadClient();
    const api = apis.get(cluster);
    if (!api) throw new StateReadError('unknown', cluster, kind, `No cluster named ${cluster} is configured`);
    try {
      // The reader's timeout aborts the HTTP request itself, not only the wait for it.
      const abortOnSignal: ObservableMiddleware = {
        pre: (ctx: RequestContext) => {
          if (signal) ctx.setSignal(signal);
          return new module.Observable(Promise.resolve(ctx));
        },
        post: (r: ResponseContext) => new module.Observable(Promise.resolve(r)),
      };
      const res: any = await api.listClusterCustomObject(
        { group: kind.group, version: kind.version, plural: kind.plural },
        { middleware: [abortOnSignal], middlewareMergeStrategy: 'append' },
      );
      return (res?.items ?? []).map((o: KubeObject) => ({ apiVersion: `${kind.group}/${kind.version}`, kind: kind.kind, ...o }));
    } catch (e) {
      if (e instanceof StateReadError) throw e;
      if (e instanceof module.ApiException) {
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
