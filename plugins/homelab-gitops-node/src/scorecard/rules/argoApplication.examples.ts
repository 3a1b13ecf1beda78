import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, argoApplication } from './exampleManifests';

export const examples: ScorecardRuleExample[] = [
  {
    description: 'An app folder an Application points at passes',
    files: { ...appKustomization, ...argoApplication(APP_DIR) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'An app folder no Application points at fails',
    files: { ...appKustomization },
    subject: { unit: 'app' },
    expected: [false],
  },
];
