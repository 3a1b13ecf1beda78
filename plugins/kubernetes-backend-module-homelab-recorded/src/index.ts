/**
 * Feeds the stock Kubernetes plugin from the homelab's recorded cluster.
 *
 * @packageDocumentation
 */
export { kubernetesModuleHomelabRecorded as default } from './module';
export { RecordedKubernetesFetcher } from './RecordedKubernetesFetcher';
export { RecordedClusterSupplier } from './RecordedClusterSupplier';
