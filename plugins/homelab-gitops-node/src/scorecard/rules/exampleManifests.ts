/** Building blocks of the rules' example repos: the app under test is `cluster/apps/demo/app`. */
export const APP_DIR = 'cluster/apps/demo/app';

export const appKustomization = {
  [`${APP_DIR}/kustomization.yaml`]: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: demo\nresources: []\n',
};

export function deployment(options: {
  image?: string;
  replicas?: number;
  resources?: string;
  securityContext?: string;
  kind?: 'Deployment' | 'StatefulSet';
}): string {
  const { image = 'ghcr.io/example/app:1.2.3', replicas = 1, kind = 'Deployment' } = options;
  const resources = options.resources ?? '{requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 128Mi}}';
  const securityContext = options.securityContext ?? '{runAsNonRoot: true, runAsUser: 1000}';
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: app
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      securityContext: ${securityContext}
      containers:
      - name: app
        image: ${image}
        resources: ${resources}
`;
}

export const argoApplication = (path: string) => ({
  'cluster/platform/gitops/argocd/apps/app-app.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: app
  namespace: argocd
spec:
  project: apps
  source:
    repoURL: https://github.com/example/homelab-gitops.git
    path: ${path}
  destination:
    namespace: demo
`,
});
