import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, deployment } from './exampleManifests';

export const examples: ScorecardRuleExample[] = [
  {
    description: 'A version tag or a digest passes',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ image: 'ghcr.io/example/app:1.2.3' }) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'A digest passes',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ image: `ghcr.io/example/app@sha256:${'a'.repeat(64)}` }) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: ':latest fails',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ image: 'ghcr.io/example/app:latest' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
  {
    description: 'An untagged image fails, even behind a registry port',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ image: 'registry.local:5000/app' }) },
    subject: { unit: 'app' },
    expected: [false],
  },
];
