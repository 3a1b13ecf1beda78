import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Write the planned files into the workspace folder gitops/',
    example: yaml.stringify({
      steps: [
        {
          id: 'write',
          action: 'homelab:app:write',
          name: 'Write the files',
          input: { files: '${{ steps.plan.output.files }}', targetPath: 'gitops' },
        },
      ],
    }),
  },
];
