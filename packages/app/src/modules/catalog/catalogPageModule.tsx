import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { createFrontendModule, PageBlueprint } from '@backstage/frontend-plugin-api';
import { catalogPlugin } from '@backstage/plugin-catalog';
import CategoryIcon from '@material-ui/icons/Category';

// Replaces the catalog plugin's index page (same extension id and route ref)
// with one that has the homelab's columns and reads well on a phone.
const catalogPage = PageBlueprint.make({
  params: {
    path: '/catalog',
    routeRef: convertLegacyRouteRef(catalogPlugin.routes.catalogIndex),
    title: 'Catalog',
    icon: <CategoryIcon fontSize="inherit" />,
    noHeader: true,
    loader: async () => {
      const { HomelabCatalogPage } = await import('./HomelabCatalogPage');
      return <HomelabCatalogPage />;
    },
  },
});

export const catalogPageModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPage],
});
