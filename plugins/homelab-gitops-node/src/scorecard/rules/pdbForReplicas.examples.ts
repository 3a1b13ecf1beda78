import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, deployment } from './exampleManifests';

const pdb = (app: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: app\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: ${app}}\n`;

export const examples: ScorecardRuleExample[] = [
  {
    description: 'Two replicas with a PodDisruptionBudget selecting their pods pass',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ replicas: 2 }), [`${APP_DIR}/pdb.yaml`]: pdb('app') },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'Two replicas whose PodDisruptionBudget selects other pods fail',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ replicas: 2 }), [`${APP_DIR}/pdb.yaml`]: pdb('other') },
    subject: { unit: 'app' },
    expected: [false],
  },
  {
    description: 'One replica needs no PodDisruptionBudget (no finding)',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({ replicas: 1 }) },
    subject: { unit: 'app' },
    expected: [],
  },
];
