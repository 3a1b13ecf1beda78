import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization, deployment } from './exampleManifests';

const vpa = (kind: string) =>
  `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: app\nspec:\n  targetRef: {apiVersion: apps/v1, kind: ${kind}, name: app}\n`;

export const examples: ScorecardRuleExample[] = [
  {
    description: 'A VerticalPodAutoscaler targeting the Deployment passes',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({}), [`${APP_DIR}/vpa.yaml`]: vpa('Deployment') },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'A HorizontalPodAutoscaler targeting the Deployment passes',
    files: {
      ...appKustomization,
      [`${APP_DIR}/deployment.yaml`]: deployment({}),
      [`${APP_DIR}/hpa.yaml`]:
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: app\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}\n  maxReplicas: 3\n',
    },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'A VerticalPodAutoscaler targeting a StatefulSet of the same name does not cover the Deployment',
    files: { ...appKustomization, [`${APP_DIR}/deployment.yaml`]: deployment({}), [`${APP_DIR}/vpa.yaml`]: vpa('StatefulSet') },
    subject: { unit: 'app' },
    expected: [false],
  },
];
