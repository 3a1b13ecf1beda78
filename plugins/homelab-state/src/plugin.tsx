import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { ApiBlueprint, createFrontendPlugin, createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations, StockAnnotations } from '@internal/plugin-homelab-common';
import { stateKindOf } from '@internal/plugin-homelab-state-common';
import DashboardIcon from '@material-ui/icons/Dashboard';
import { HomelabStateClient, homelabStateApiRef } from './api/HomelabStateApi';

const stateApi = ApiBlueprint.make({
  params: define =>
    define({
      api: homelabStateApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new HomelabStateClient(deps),
    }),
});

/** The platform overview page; with a route ref it gets a sidebar entry. */
export const platformOverviewRouteRef = createRouteRef();

const overviewPage = PageBlueprint.make({
  params: {
    path: '/platform',
    routeRef: platformOverviewRouteRef,
    title: 'Platform',
    icon: <DashboardIcon />,
    loader: async () => {
      const { PlatformOverviewPage } = await import('./components/PlatformOverviewPage');
      return <PlatformOverviewPage />;
    },
  },
});

const standsForStateObject = (entity: Entity) => {
  const a = entity.metadata.annotations ?? {};
  return !!stateKindOf(a[HomelabAnnotations.k8sApiVersion], a[HomelabAnnotations.k8sKind]) && !!a[HomelabAnnotations.k8sName];
};

const liveStateContent = EntityContentBlueprint.make({
  name: 'live-state',
  params: {
    path: '/live-state',
    title: 'Live state',
    filter: standsForStateObject,
    loader: async () => {
      const { EntityLiveStateContent } = await import('./components/EntityLiveState');
      return <EntityLiveStateContent />;
    },
  },
});

const argoCard = EntityCardBlueprint.make({
  name: 'argo',
  params: {
    filter: (entity: Entity) => !!entity.metadata.annotations?.[StockAnnotations.argocdAppName],
    loader: async () => {
      const { EntityArgoCard } = await import('./components/EntityLiveState');
      return <EntityArgoCard />;
    },
  },
});

const postgresCard = EntityCardBlueprint.make({
  name: 'postgres',
  params: {
    filter: (entity: Entity) =>
      entity.kind === 'Component' && (entity.relations ?? []).some(r => r.type === 'dependsOn' && r.targetRef.startsWith('resource:')),
    loader: async () => {
      const { EntityPostgresCard } = await import('./components/EntityPostgresCard');
      return <EntityPostgresCard />;
    },
  },
});

/**
 * Live state of Ceph, CloudNativePG, Ray and Argo CD.
 *
 * @public
 */
export const homelabStatePlugin = createFrontendPlugin({
  pluginId: 'homelab-state',
  routes: { overview: platformOverviewRouteRef },
  extensions: [stateApi, overviewPage, liveStateContent, argoCard, postgresCard],
});
