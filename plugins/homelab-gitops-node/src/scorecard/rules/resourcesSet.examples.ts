import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, deployment } from './exampleManifests';

export const examples: ScorecardRuleExample[] = [
  {
    description: 'Requests and limits pass',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({}) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'Requests without limits fail',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ resources: '{requests: {cpu: 10m}}' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
  {
    description: 'No resources at all fail',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ resources: '{}' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
];
