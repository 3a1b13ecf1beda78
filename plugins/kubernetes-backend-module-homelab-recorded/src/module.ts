import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import {
  kubernetesClusterSupplierExtensionPoint,
  kubernetesFetcherExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import { RecordedObjectsSource, readStateConfig } from '@internal/plugin-homelab-state-node';
import { RecordedClusterSupplier } from './RecordedClusterSupplier';
import { RecordedKubernetesFetcher } from './RecordedKubernetesFetcher';

/**
 * When `homelab.state.source` is `recorded`, the Kubernetes plugin reads the
 * recorded cluster; otherwise this module changes nothing.
 *
 * @public
 */
export const kubernetesModuleHomelabRecorded = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'homelab-recorded',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        clusters: kubernetesClusterSupplierExtensionPoint,
        fetchers: kubernetesFetcherExtensionPoint,
      },
      async init({ config, logger, clusters, fetchers }) {
        const state = readStateConfig(config);
        if (state.source !== 'recorded') return;
        const folder = state.recordedPath!;
        clusters.addClusterSupplier(new RecordedClusterSupplier({ name: state.recordedClusterName, folder }));
        fetchers.addFetcher(new RecordedKubernetesFetcher(new RecordedObjectsSource(folder, state.recordedClusterName)));
        logger.info(`Kubernetes plugin reads the recorded cluster ${state.recordedClusterName} from ${folder}`);
      },
    });
  },
});
