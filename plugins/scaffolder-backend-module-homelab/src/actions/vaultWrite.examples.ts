import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: "Generate the app's database password in Vault (only when homelab.vault is configured)",
    example: yaml.stringify({
      steps: [
        {
          id: 'vault',
          action: 'homelab:vault:write',
          name: 'Create the Vault secret',
          input: { key: '${{ steps.plan.output.vaultKeys[0].key }}', generate: ['db_password'] },
        },
      ],
    }),
  },
];
