import type { ArgoApplicationSummary } from './argo';
import { deriveArgoApplication } from './argo';
import type { CephCapacityThresholds, CephClusterSummary, CephPoolSummary } from './ceph';
import { deriveCephCluster, deriveCephPool } from './ceph';
import type { CnpgClusterSummary } from './cnpg';
import { deriveCnpgCluster } from './cnpg';
import type { StateKindKey } from './kinds';
import { STATE_KINDS } from './kinds';
import type { KubeObject } from './objects';
import type { RayClusterSummary, RayJobSummary, RayServiceSummary } from './ray';
import { deriveRayCluster, deriveRayJob, deriveRayService } from './ray';

/**
 * What a derivation may use besides the object: the time it is judged at,
 * thresholds from config, and the items of related kinds in the same cluster.
 *
 * @public
 */
export interface DeriveContext {
  now: Date;
  staleBackupHours?: number;
  cephThresholds?: CephCapacityThresholds;
  /** Items of a related kind in the object's cluster. */
  itemsOf(key: StateKindKey): KubeObject[];
}

/**
 * The summary type of each kind an entity can stand for, by kind id.
 *
 * @public
 */
export interface SummaryByKind {
  'ceph-cluster': CephClusterSummary;
  'ceph-block-pool': CephPoolSummary;
  'ceph-filesystem': CephPoolSummary;
  'ceph-object-store': CephPoolSummary;
  'cnpg-cluster': CnpgClusterSummary;
  'ray-cluster': RayClusterSummary;
  'ray-service': RayServiceSummary;
  'ray-job': RayJobSummary;
  'argo-application': ArgoApplicationSummary;
}

/** @public */
export type ObjectKindId = keyof SummaryByKind;

/**
 * A derived object state, tagged by its kind id so a consumer switching on
 * `kind` gets the right summary type without a cast.
 *
 * @public
 */
export type KindSummary = { [K in ObjectKindId]: { kind: K; summary: SummaryByKind[K] } }[ObjectKindId];

/**
 * How the portal handles one kind: where its list is, which related kinds
 * its derivation needs, how it is derived, and which enrichment applies.
 *
 * @public
 */
export interface StateKindHandler<K extends ObjectKindId> {
  key: StateKindKey;
  /** Kinds whose items (same cluster) the derivation reads. */
  related: StateKindKey[];
  /** Optional figures from outside the Kubernetes API that apply to this kind. */
  enrichment?: 'prometheus-ceph' | 'prometheus-cnpg' | 'ray-dashboard-jobs' | 'ray-dashboard-serve';
  derive(obj: KubeObject, ctx: DeriveContext): SummaryByKind[K];
}

const pool = (key: 'cephBlockPool' | 'cephFilesystem' | 'cephObjectStore') => ({
  key,
  related: [],
  derive: (obj: KubeObject) => deriveCephPool({ kind: STATE_KINDS[key].kind, ...obj }),
});

/**
 * The one table of kinds: the backend's object route, the overview and the
 * entity views all go through it.
 *
 * @public
 */
export const STATE_KIND_HANDLERS: { [K in ObjectKindId]: StateKindHandler<K> } = {
  'ceph-cluster': {
    key: 'cephCluster',
    related: [],
    enrichment: 'prometheus-ceph',
    derive: (obj, ctx) => deriveCephCluster(obj, ctx.cephThresholds),
  },
  'ceph-block-pool': pool('cephBlockPool'),
  'ceph-filesystem': pool('cephFilesystem'),
  'ceph-object-store': pool('cephObjectStore'),
  'cnpg-cluster': {
    key: 'cnpgCluster',
    related: ['cnpgBackup', 'cnpgScheduledBackup', 'cnpgPooler'],
    enrichment: 'prometheus-cnpg',
    derive: (obj, ctx) =>
      deriveCnpgCluster(
        obj,
        { backups: ctx.itemsOf('cnpgBackup'), scheduledBackups: ctx.itemsOf('cnpgScheduledBackup'), poolers: ctx.itemsOf('cnpgPooler') },
        { now: ctx.now, staleBackupHours: ctx.staleBackupHours },
      ),
  },
  'ray-cluster': { key: 'rayCluster', related: [], enrichment: 'ray-dashboard-jobs', derive: obj => deriveRayCluster(obj) },
  // A RayService's dashboard is its active RayCluster's: the clusters are related.
  'ray-service': { key: 'rayService', related: ['rayCluster'], enrichment: 'ray-dashboard-serve', derive: obj => deriveRayService(obj) },
  'ray-job': { key: 'rayJob', related: [], derive: (obj, ctx) => deriveRayJob(obj, ctx.now) },
  'argo-application': { key: 'argoApplication', related: [], derive: obj => deriveArgoApplication(obj) },
};

/** @public */
export function isObjectKindId(id: string): id is ObjectKindId {
  return Object.prototype.hasOwnProperty.call(STATE_KIND_HANDLERS, id);
}

/**
 * Derives one object through the table, tagged with its kind id.
 *
 * @public
 */
export function deriveKindSummary<K extends ObjectKindId>(kind: K, obj: KubeObject, ctx: DeriveContext): KindSummary {
  const handler = STATE_KIND_HANDLERS[kind] as StateKindHandler<K>;
  return { kind, summary: handler.derive(obj, ctx) } as KindSummary;
}
