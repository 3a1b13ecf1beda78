import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, deployment } from './exampleManifests';

export const examples: ScorecardRuleExample[] = [
  {
    description: 'runAsNonRoot on the pod passes',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ securityContext: '{runAsNonRoot: true}' }) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'runAsUser: 0 fails',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ securityContext: '{runAsUser: 0}' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
  {
    description: 'Saying nothing fails: the image decides, often root',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ securityContext: '{}' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
];
