import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SearchFilterResultTypeBlueprint, SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { ARCHITECTURE_KINDS, ARCHITECTURE_SEARCH_TYPE, ARCHITECTURE_TAB_PATH } from '@internal/plugin-homelab-common';
import AccountTreeIcon from '@material-ui/icons/AccountTree';

const architectureContent = EntityContentBlueprint.make({
  name: 'architecture',
  params: {
    path: ARCHITECTURE_TAB_PATH,
    title: 'Architecture',
    filter: (entity: Entity) => (ARCHITECTURE_KINDS as readonly string[]).includes(entity.kind),
    loader: async () => {
      const { ArchitectureContent } = await import('./components/ArchitectureContent');
      return <ArchitectureContent />;
    },
  },
});

// The search backend module indexes every architecture page as a document of
// its own type; the search page offers the type and draws its results.
const architectureSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'architecture',
  params: { value: ARCHITECTURE_SEARCH_TYPE, name: 'Architecture', icon: <AccountTreeIcon /> },
});

const architectureSearchResultItem = SearchResultListItemBlueprint.make({
  name: 'architecture',
  params: {
    predicate: result => result.type === ARCHITECTURE_SEARCH_TYPE,
    icon: <AccountTreeIcon />,
    component: async () => {
      const { ArchitectureSearchResultListItem } = await import('./components/ArchitectureSearchResultListItem');
      return ArchitectureSearchResultListItem;
    },
  },
});

/**
 * Architecture pages of domains and systems, derived from the catalog, and
 * their search results.
 *
 * @public
 */
export const homelabArchitecturePlugin = createFrontendPlugin({
  pluginId: 'homelab-architecture',
  extensions: [architectureContent, architectureSearchResultType, architectureSearchResultItem],
});
