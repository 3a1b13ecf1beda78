/**
 * `spec.type` of the Components discovery writes.
 *
 * @public
 */
export const ComponentTypes = {
  service: 'service',
  website: 'website',
  platform: 'platform',
} as const;

/**
 * `spec.type` of the Resources discovery writes.
 *
 * @public
 */
export const ResourceTypes = {
  postgresCluster: 'postgres-cluster',
  cache: 'cache',
  cephCluster: 'ceph-cluster',
  storagePool: 'storage-pool',
  storageClass: 'storage-class',
  secretStore: 'secret-store',
  ingressClass: 'ingress-class',
  rayCluster: 'ray-cluster',
  rayService: 'ray-service',
  rayJob: 'ray-job',
} as const;

/** @public */
export type ResourceType = (typeof ResourceTypes)[keyof typeof ResourceTypes];
