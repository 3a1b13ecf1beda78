/**
 * The one reader of live Kubernetes objects for the homelab portal.
 *
 * @packageDocumentation
 */
export * from './sources/types';
export { KubernetesApiSource } from './sources/KubernetesApiSource';
export type { ClusterConnection, KubernetesApiSourceOptions } from './sources/KubernetesApiSource';
export { resolveClusterAccess } from './sources/resolveClusterAccess';
export type { ClusterAccess, InClusterEnvironment } from './sources/resolveClusterAccess';
export { KubernetesProxySource } from './sources/KubernetesProxySource';
export { RecordedObjectsSource } from './sources/RecordedObjectsSource';
export { CachedStateReader } from './reader/CachedStateReader';
export type { CachedStateReaderOptions } from './reader/CachedStateReader';
export * from './config';
export { PrometheusClient } from './prometheus/PrometheusClient';
export type { PrometheusClientOptions } from './prometheus/PrometheusClient';
export { RayDashboardClient, rayDashboardAddress } from './ray/RayDashboardClient';
export type { RayDashboardAnswer, RayDashboardClientOptions } from './ray/RayDashboardClient';
