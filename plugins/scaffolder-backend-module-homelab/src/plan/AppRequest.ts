/**
 * What kind of thing a template creates.
 *
 * @public
 */
export type AppKind = 'web' | 'static-site' | 'ray-service' | 'ray-job' | 'platform';

/**
 * Everything a template asks the user, as the actions receive it. Pickers
 * may pass entity refs (`resource:default/pg-media`); names work too.
 *
 * @public
 */
export interface AppRequest {
  kind: AppKind;
  /** `homelab.gitops.sources[].id`; the first source when absent. */
  source?: string;
  domain: string;
  name: string;
  description?: string;
  owner?: string;
  image?: string;
  port?: number;
  replicas?: number;
  cpu?: string;
  memory?: string;
  /** Full hostname; no ingress when absent (not for static sites). */
  hostname?: string;
  /** `public`, `restricted`, or an IngressClass name / entity ref. */
  ingressClass?: string;
  storage?: { size: string; mountPath: string; storageClass?: string };
  postgresCluster?: string;
  database?: string;
  cache?: string;
  /** Property names of the app's own Vault secret (never values). */
  secretKeys?: string[];
  gpu?: boolean;
  entrypoint?: string;
  serveImportPath?: string;
  /** Platform components: folder below the platform base and namespace. */
  category?: string;
  namespace?: string;
  chart?: { repoURL: string; chart: string; version: string };
}
