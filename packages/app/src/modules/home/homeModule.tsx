import { createFrontendModule, PageBlueprint } from '@backstage/frontend-plugin-api';
import homePlugin from '@backstage/plugin-home/alpha';
import HomeIcon from '@material-ui/icons/Home';

// Replaces the home plugin's customizable (and empty) page at the root of the
// portal: same extension id and the plugin's own route ref, so links to the
// home page and its sidebar entry keep working.

const homePage = PageBlueprint.make({
  params: {
    path: '/',
    routeRef: homePlugin.routes.root,
    title: 'Home',
    icon: <HomeIcon fontSize="inherit" />,
    noHeader: true,
    loader: async () => {
      const { HomePage } = await import('./HomePage');
      return <HomePage />;
    },
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [homePage],
});
