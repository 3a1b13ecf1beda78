import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Plan a web app with a Postgres database on an existing CloudNativePG cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'plan',
          action: 'homelab:app:plan',
          name: 'Plan the app',
          input: {
            kind: 'web',
            domain: 'productivity',
            name: 'wiki',
            owner: 'user:default/guest',
            image: 'ghcr.io/example/wiki:1.4.0',
            hostname: 'wiki.homelab.example',
            ingressClass: 'restricted',
            postgresCluster: 'resource:default/pg-productivity',
            secretKeys: ['session_secret'],
          },
        },
      ],
    }),
  },
];
