import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';

const hasAnnotation = (key: string) => (entity: { metadata: { annotations?: Record<string, string> } }) =>
  Boolean(entity.metadata.annotations?.[key]);

const scorecardCard = EntityCardBlueprint.make({
  name: 'convention-scorecard',
  params: {
    filter: hasAnnotation(HomelabAnnotations.scorecard),
    loader: async () => {
      const { ConventionScorecardCard } = await import('./components/ConventionScorecardCard');
      return <ConventionScorecardCard />;
    },
  },
});

const evidenceCard = EntityCardBlueprint.make({
  name: 'dependency-evidence',
  params: {
    filter: hasAnnotation(HomelabAnnotations.dependencyEvidence),
    loader: async () => {
      const { DependencyEvidenceCard } = await import('./components/DependencyEvidenceCard');
      return <DependencyEvidenceCard />;
    },
  },
});

const deployedByCard = EntityCardBlueprint.make({
  name: 'deployed-by',
  params: {
    filter: hasAnnotation(HomelabAnnotations.deployedBy),
    loader: async () => {
      const { DeployedByCard } = await import('./components/DeployedByCard');
      return <DeployedByCard />;
    },
  },
});

/**
 * Entity cards of GitOps discovery.
 *
 * @public
 */
export const homelabGitOpsPlugin = createFrontendPlugin({
  pluginId: 'homelab-gitops',
  extensions: [scorecardCard, evidenceCard, deployedByCard],
});
