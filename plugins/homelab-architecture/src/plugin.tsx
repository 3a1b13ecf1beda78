import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';

const architectureContent = EntityContentBlueprint.make({
  name: 'architecture',
  params: {
    path: '/architecture',
    title: 'Architecture',
    filter: (entity: Entity) => entity.kind === 'Domain' || entity.kind === 'System',
    loader: async () => {
      const { ArchitectureContent } = await import('./components/ArchitectureContent');
      return <ArchitectureContent />;
    },
  },
});

/**
 * Architecture pages of domains and systems, derived from the catalog.
 *
 * @public
 */
export const homelabArchitecturePlugin = createFrontendPlugin({
  pluginId: 'homelab-architecture',
  extensions: [architectureContent],
});
