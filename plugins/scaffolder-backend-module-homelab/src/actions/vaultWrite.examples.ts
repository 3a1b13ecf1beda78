import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Generate the app's database password in Vault when homelab.vault is configured; otherwise the step's message says which key and properties to create",
    example: yaml.stringify({
      steps: [
        {
          id: 'vault',
          action: 'homelab:vault:write',
          name: 'Fill the app secret in Vault',
          if: '${{ steps.plan.output.vaultKeys.length > 0 }}',
          input: {
            domain: '${{ parameters.domain }}',
            key: '${{ steps.plan.output.vaultKeys[0].key }}',
            generate: '${{ steps.plan.output.vaultKeys[0].generate }}',
            properties: '${{ steps.plan.output.vaultKeys[0].properties }}',
          },
        },
      ],
    }),
  },
];
