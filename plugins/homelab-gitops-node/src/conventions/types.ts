/**
 * What a new Argo CD Application of a domain looks like in this repo.
 *
 * @public
 */
export interface ArgoAppConventions {
  /** `metadata.namespace` of the Application (where Argo CD runs). */
  namespace?: string;
  repoURL: string;
  targetRevision: string;
  /** May hold `{domain}`. */
  project?: string;
  destinationServer?: string;
  destinationName?: string;
  syncPolicy?: unknown;
  /** Value of the `argocd.argoproj.io/sync-wave` annotation. */
  syncWave?: string;
  finalizers?: string[];
  /** Labels the Applications carry; values may hold `{domain}`. */
  labels: Record<string, string>;
}

/**
 * Where ingresses live and how they look.
 *
 * @public
 */
export interface IngressConventions {
  /** One folder with a file per app, or undefined when each app keeps its ingress in its own directory. */
  folder?: string;
  /** File name of an app's ingress; `{app}` is replaced. */
  filePattern: string;
  /** Classes found in the repo (IngressClass objects and ingressClassName values). */
  classes: string[];
  /** The class open to the internet and the LAN-only one, when known. */
  publicClass?: string;
  restrictedClass?: string;
  /** Extra annotations every Ingress of a class carries (e.g. an allow-list). */
  annotationsByClass: Record<string, Record<string, string>>;
  /** cert-manager issuer annotation and name. */
  issuer?: { annotation: string; name: string };
  /** Hostnames of apps end with this. */
  baseDomain?: string;
}

/**
 * How apps get secrets.
 *
 * @public
 */
export interface SecretConventions {
  storeKind: string;
  storeName?: string;
  /** Vault key of an app's secret; `{domain}` and `{app}` are replaced. */
  keyPattern: string;
  refreshInterval: string;
}

/**
 * How an app reaches a cache or queue.
 *
 * @public
 */
export interface CacheConventions {
  /** Entity name of the cache resource. */
  resource: string;
  /** In-cluster host of its Service. */
  host: string;
  port: number;
  /** Database indexes apps already use; undefined when the repo does not number them. */
  usedIndexes?: number[];
  /** Number of databases the server has (its `databases` setting), when known. */
  databases?: number;
  /** Vault key and property of its password, as the apps using it read it. */
  password?: { key: string; property: string };
}

/**
 * What a domain provides for Ray workloads.
 *
 * @public
 */
export interface RayConventions {
  serviceAccount: string;
  priorityClass?: string;
  /** Priority class the domain's existing RayService / RayJob / RayCluster pods use, by kind. */
  priorityClassByKind: Record<string, string>;
  /** A CPU image already used in the domain. */
  image?: string;
  rayVersion?: string;
  /** Extended resource name of GPUs, learned from the repo or configured. */
  gpuResource?: string;
}

/**
 * The conventions of a repo, learned from what it already does and
 * overridden by `homelab.conventions`.
 *
 * @public
 */
export interface RepoConventions {
  argo: {
    /** Folder of the Argo CD Application files of apps. */
    folder: string;
    /** File name pattern; `{name}` is replaced. */
    filePattern: string;
    /** Most common values among the apps of each domain. */
    byDomain: Record<string, ArgoAppConventions>;
    /** Most common values among all apps, for a domain with none yet. */
    apps: ArgoAppConventions;
    /** Most common values among platform components. */
    platform: ArgoAppConventions;
    /** Folder of platform component Applications. */
    platformFolder: string;
  };
  /** Namespace of each app domain. */
  namespaces: Record<string, string>;
  ingress: IngressConventions;
  secrets: SecretConventions;
  /** Label naming the app's domain (`app.kubernetes.io/part-of`), when the repo uses one. */
  partOfLabel?: string;
  /** StorageClass most PVCs of apps use. */
  storageClass?: string;
  /** Whether the repo indents block sequences under their key (`  - x`). */
  indentSequences: boolean;
  /** An existing VolSync ReplicationSource and the objects next to it, copied for new PVCs. */
  replicationSource?: { file: string; objects: unknown[] };
  caches: Record<string, CacheConventions>;
  /** Domains that provide what Ray workloads need. */
  ray: Record<string, RayConventions>;
}

/**
 * `homelab.conventions`: values that win over what is learned.
 *
 * @public
 */
export interface ConventionOverrides {
  argo?: Partial<Pick<ArgoAppConventions, 'repoURL' | 'targetRevision' | 'project' | 'destinationServer' | 'syncWave' | 'namespace'>>;
  baseDomain?: string;
  ingressClasses?: { public?: string; restricted?: string };
  tlsIssuer?: string;
  secretStore?: { kind?: string; name?: string };
  vaultKeyPattern?: string;
  storageClass?: string;
  ray?: { gpuResource?: string };
}
