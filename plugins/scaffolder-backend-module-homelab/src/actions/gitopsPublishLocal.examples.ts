import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Commit the written files to a new branch of the local GitOps checkout',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'homelab:gitops:publish-local',
          name: 'Commit to a branch',
          input: {
            branch: '${{ steps.plan.output.branch }}',
            message: 'Add wiki (productivity)',
            sourcePath: 'gitops',
          },
        },
      ],
    }),
  },
];
