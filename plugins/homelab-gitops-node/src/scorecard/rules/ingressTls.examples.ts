import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization } from './exampleManifests';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  selector: {app: app}\n  ports: [{port: 80}]\n';
const ingress = (tls: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: app\n  namespace: demo\nspec:\n  ingressClassName: haproxy\n${tls}  rules:\n  - host: app.example\n    http:\n      paths: [{path: /, pathType: Prefix, backend: {service: {name: app, port: {number: 80}}}}]\n`;

export const examples: ScorecardRuleExample[] = [
  {
    description: 'An ingress with a tls section passes',
    files: { ...appKustomization, [`${APP_DIR}/service.yaml`]: service, [`${APP_DIR}/ingress.yaml`]: ingress('  tls: [{hosts: [app.example], secretName: app-tls}]\n') },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'An ingress without tls fails, even when written in a central ingress folder',
    files: {
      ...appKustomization,
      [`${APP_DIR}/service.yaml`]: service,
      'cluster/apps/shared/ingress/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n',
      'cluster/apps/shared/ingress/app.yaml': ingress(''),
    },
    subject: { unit: 'app' },
    expected: [false],
  },
];
