import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  CachedStateReader,
  createObjectSource,
  createPrometheusClient,
  createRayDashboardClient,
  readStateConfig,
} from '@internal/plugin-homelab-state-node';
import { homelabStatePermissions } from '@internal/plugin-homelab-state-common';
import { createRouter } from './router/createRouter';
import { PlatformStateService } from './service/PlatformStateService';

/**
 * Live state of Ceph, CloudNativePG, Ray and Argo CD.
 *
 * @public
 */
export const homelabStatePlugin = createBackendPlugin({
  pluginId: 'homelab-state',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ config, logger, httpRouter, httpAuth, permissions, permissionsRegistry, discovery, auth }) {
        permissionsRegistry.addPermissions(homelabStatePermissions);
        const state = readStateConfig(config);
        const source = createObjectSource(config, state, { discovery, auth, logger });
        if (state.source === 'recorded') {
          logger.info(`Live state from recordings in ${state.recordedPath} (cluster ${state.recordedClusterName})`);
        } else if (state.source === 'kubernetes-proxy') {
          logger.info("Live state through the Kubernetes plugin's proxy, from the clusters it locates");
        } else {
          const clusters = await source.clusters();
          logger.info(`Live state from ${clusters.length} cluster(s): ${clusters.join(', ') || 'none configured'}`);
        }
        const reader = new CachedStateReader(source, {
          ttlMs: state.cacheTtlMs,
          staleForMs: state.serveStaleMs,
          timeoutMs: state.requestTimeoutMs,
          logger: logger.child({ component: 'state-reader' }),
        });
        // Recordings are judged as of when they were taken, not as of today.
        const now = () => (state.recordedAt ? new Date(state.recordedAt) : new Date());
        const prometheus = createPrometheusClient(state);
        if (prometheus) logger.info(`Enriching live state with Prometheus at ${prometheus.url}`);
        // The dashboard's address is derived from each RayCluster's status, never from a request.
        const rayDashboard = createRayDashboardClient(state);
        if (rayDashboard) logger.info(`Enriching Ray live state from the Ray dashboard on port ${state.rayDashboard.port} of each head service`);
        httpRouter.use(
          await createRouter({
            service: new PlatformStateService(reader, state, now, prometheus, rayDashboard),
            logger,
            httpAuth,
            permissions,
            serializedOverview: state.serializedOverview,
          }),
        );
      },
    });
  },
});
