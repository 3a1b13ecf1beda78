import type { ClusterDetails, KubernetesClustersSupplier } from '@backstage/plugin-kubernetes-node';
import { pathToFileURL } from 'node:url';

/**
 * Supplies the one recorded cluster to the Kubernetes plugin. It needs no
 * credentials (the `localKubectlProxy` provider sends none) and has no
 * metrics server.
 *
 * @public
 */
export class RecordedClusterSupplier implements KubernetesClustersSupplier {
  private readonly cluster: ClusterDetails;

  constructor(options: { name: string; folder: string }) {
    this.cluster = {
      name: options.name,
      title: `${options.name} (recorded)`,
      url: pathToFileURL(options.folder).href,
      authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
      skipMetricsLookup: true,
    };
  }

  async getClusters(): Promise<ClusterDetails[]> {
    return [this.cluster];
  }
}
