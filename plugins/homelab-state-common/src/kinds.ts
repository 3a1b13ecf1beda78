/**
 * A kind the portal reads from the Kubernetes API.
 *
 * @public
 */
export interface ObjectKind {
  /** Short id used in URLs, logs and errors. */
  id: string;
  group: string;
  version: string;
  plural: string;
  kind: string;
}

const kind = (id: string, group: string, version: string, plural: string, k: string): ObjectKind => ({
  id,
  group,
  version,
  plural,
  kind: k,
});

/**
 * Every kind the live-state views read. The shipped read-only ClusterRole
 * grants these and the stock Kubernetes tab's kinds; Secrets are never among
 * them.
 *
 * @public
 */
export const STATE_KINDS = {
  cephCluster: kind('ceph-cluster', 'ceph.rook.io', 'v1', 'cephclusters', 'CephCluster'),
  cephBlockPool: kind('ceph-block-pool', 'ceph.rook.io', 'v1', 'cephblockpools', 'CephBlockPool'),
  cephFilesystem: kind('ceph-filesystem', 'ceph.rook.io', 'v1', 'cephfilesystems', 'CephFilesystem'),
  cephObjectStore: kind('ceph-object-store', 'ceph.rook.io', 'v1', 'cephobjectstores', 'CephObjectStore'),
  cnpgCluster: kind('cnpg-cluster', 'postgresql.cnpg.io', 'v1', 'clusters', 'Cluster'),
  cnpgBackup: kind('cnpg-backup', 'postgresql.cnpg.io', 'v1', 'backups', 'Backup'),
  cnpgScheduledBackup: kind('cnpg-scheduled-backup', 'postgresql.cnpg.io', 'v1', 'scheduledbackups', 'ScheduledBackup'),
  cnpgPooler: kind('cnpg-pooler', 'postgresql.cnpg.io', 'v1', 'poolers', 'Pooler'),
  rayCluster: kind('ray-cluster', 'ray.io', 'v1', 'rayclusters', 'RayCluster'),
  rayService: kind('ray-service', 'ray.io', 'v1', 'rayservices', 'RayService'),
  rayJob: kind('ray-job', 'ray.io', 'v1', 'rayjobs', 'RayJob'),
  argoApplication: kind('argo-application', 'argoproj.io', 'v1alpha1', 'applications', 'Application'),
} as const;

/** @public */
export type StateKindKey = keyof typeof STATE_KINDS;

/**
 * The RBAC rule that lets the portal list a kind, for error messages and docs.
 *
 * @public
 */
export function rbacRuleFor(k: ObjectKind): string {
  return `- apiGroups: ["${k.group}"]\n  resources: ["${k.plural}"]\n  verbs: ["get", "list", "watch"]`;
}

/**
 * The state kind of a Kubernetes object, from its apiVersion and kind (as an
 * entity's homelab.dev/k8s-* annotations name them), or undefined.
 *
 * @public
 */
export function stateKindOf(apiVersion: string | undefined, objectKind: string | undefined): ObjectKind | undefined {
  if (!apiVersion || !objectKind) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return Object.values(STATE_KINDS).find(k => k.group === group && k.kind === objectKind);
}
