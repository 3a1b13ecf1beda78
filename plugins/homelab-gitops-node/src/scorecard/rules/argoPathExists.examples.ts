import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, argoApplication } from './exampleManifests';

export const examples: ScorecardRuleExample[] = [
  {
    description: 'An Application whose path exists passes',
    files: { ...appKustomization, ...argoApplication(APP_DIR) },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'An Application whose app folder was removed fails',
    files: { ...argoApplication(APP_DIR) },
    subject: { unit: 'app' },
    expected: [false],
  },
];
