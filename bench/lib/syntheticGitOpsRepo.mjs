// Generates a synthetic GitOps repo of N apps in the layout of
// examples/homelab-gitops: the example repo is the base (platform, bootstrap,
// its own apps), and N apps are added under cluster/apps/<domain>/<app>/ with
// their Argo CD Applications, central ingress and data services.
//
// The shapes of issue 7 are mixed in, per app by index:
//   60 %  kustomize app: multi-document deployment.yaml (Deployment + Service),
//         ConfigMap naming its Postgres (-rw) and Valkey (-primary) services,
//         ExternalSecret, PVC; single-source Argo app with a path
//   20 %  Helm app, two sources: chart + `ref: values` source with a path
//   10 %  Helm app, three sources: chart with `$values/...`, `ref: values`
//         without a path, and a separate path source (kustomize extras)
//   10 %  Helm only: chart + inline `helm.values` (a YAML string), no
//         directory; half from an OCI registry written without a scheme
// Data services: one CNPG Cluster per 25 apps in data-definitions/postgres,
// one Valkey Helm release per 100 apps in data-definitions/valkey/<name>/
// values.yaml with its own Argo app. Ingress: one file per app with a web UI
// in cluster/apps/shared/ingress.
// With `{ git: true }` the tree is made a git work tree with everything
// committed, as a real checkout is (the discovery source's cheap fingerprint).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const exampleRepo = resolve(import.meta.dirname, '../../examples/homelab-gitops');
const ARGO_APPS = 'cluster/platform/gitops/argocd/apps';
const DATA = 'cluster/platform/base/data/data-definitions';
const REPO_URL = 'https://github.com/example/homelab-gitops.git';

const pad = (n, w = 4) => String(n).padStart(w, '0');
const domainsFor = apps => Math.max(5, Math.ceil(apps / 250));

function write(root, path, text) {
  const full = join(root, path);
  mkdirSync(full.slice(0, full.lastIndexOf('/')), { recursive: true });
  writeFileSync(full, text);
}

const syncPolicy = `  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
    - CreateNamespace=true
`;

function argoApp(name, domain, sourcesYaml) {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
  labels:
    homelab.example/layer: apps
    homelab.example/domain: ${domain}
  finalizers:
  - resources-finalizer.argocd.argoproj.io
spec:
  project: apps-${domain}
${sourcesYaml}  destination:
    server: https://kubernetes.default.svc
    namespace: ${domain}
${syncPolicy}`;
}

function kustomization(namespace, resources) {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${namespace}
resources:
${resources.map(r => `- ${r}`).join('\n')}
`;
}

function externalSecret(app) {
  return `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${app}-secret
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: ClusterSecretStore
    name: vault-backend
  target:
    name: ${app}-secret
  dataFrom:
  - extract:
      key: apps/${app}
`;
}

function vpa(app) {
  return `apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: ${app}
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${app}
  updatePolicy:
    updateMode: "Off"
`;
}

function kustomizeApp(app, domain, pg, vk) {
  const labels = `    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: ${domain}`;
  return {
    'kustomization.yaml': kustomization(domain, ['configmap.yaml', 'externalsecret.yaml', 'pvc.yaml', 'deployment.yaml']),
    'configmap.yaml': `# ${app}: Postgres ${pg}, cache ${vk}
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  labels:
${labels}
data:
  DB_HOST: ${pg}-rw.database.svc.cluster.local
  DB_PORT: '5432'
  DB_NAME: ${app.replace(/-/g, '_')}
  REDIS_URL: redis://${vk}-primary.database.svc:6379/0
  LOG_LEVEL: info
`,
    'externalsecret.yaml': externalSecret(app),
    'pvc.yaml': `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${app}-data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ceph-block
  resources:
    requests:
      storage: 5Gi
`,
    'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels:
${labels}
spec:
  replicas: 1
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
${labels.replace(/^ {4}/gm, '        ')}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 568
        fsGroup: 568
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: ${app}
        image: ghcr.io/example/${app}:v1.${app.length}.0
        ports:
        - name: http
          containerPort: 8080
        envFrom:
        - configMapRef:
            name: ${app}-config
        - secretRef:
            name: ${app}-secret
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
        resources:
          requests:
            cpu: 50m
            memory: 128Mi
          limits:
            memory: 512Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: ${app}-data
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
  labels:
${labels}
spec:
  selector:
    app.kubernetes.io/name: ${app}
  ports:
  - name: http
    port: 80
    targetPort: http
`,
  };
}

function helmValues(app, pg, vk) {
  return `# Helm values for ${app} (rendered by Argo CD, never by kustomize)
fullnameOverride: ${app}
image:
  repository: ghcr.io/example/${app}
  tag: v2.0.0
env:
  - name: DATABASE_URL
    value: postgres://${app}@${pg}-rw.database.svc:5432/${app.replace(/-/g, '_')}
  - name: CACHE_HOST
    value: ${vk}-primary
resources:
  requests:
    cpu: 50m
    memory: 128Mi
persistence:
  enabled: true
  storageClass: ceph-block
  size: 2Gi
`;
}

const chartSource = (app, valueFiles) => `  - repoURL: https://charts.example.org/stable
    chart: ${app.replace(/-\d+$/, '')}
    targetRevision: 1.2.3
    helm:
      releaseName: ${app}
${valueFiles ? `      valueFiles:\n      - $values/${valueFiles}\n` : ''}`;

function commitAll(root) {
  const git = (...args) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.org',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.org',
      },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'synthetic repo');
}

/** Writes the repo (a committed git work tree with `{ git: true }`); returns what it holds. */
export function generateSyntheticRepo(root, apps, { git = false } = {}) {
  cpSync(exampleRepo, root, { recursive: true });
  const domains = Array.from({ length: domainsFor(apps) }, (_, i) => `team-${pad(i + 1, 2)}`);
  const pgCount = Math.ceil(apps / 25);
  const vkCount = Math.ceil(apps / 100);
  const ingressFiles = [];
  const argoFiles = [];
  const shapes = { kustomize: 0, helmTwoSources: 0, helmThreeSources: 0, helmOnly: 0 };

  for (let p = 0; p < pgCount; p++) {
    const name = `pg-bench-${pad(p, 3)}`;
    const dir = `${DATA}/postgres/${name}`;
    write(root, `${dir}/kustomization.yaml`, kustomization('database', ['cluster.yaml']));
    write(
      root,
      `${dir}/cluster.yaml`,
      `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: ${name}
  namespace: database
spec:
  instances: 2
  imageName: ghcr.io/cloudnative-pg/postgresql:16.4
  storage:
    size: 10Gi
    storageClass: ceph-block
  bootstrap:
    initdb:
      database: app
      owner: app
`,
    );
    const argo = `${name}-app.yaml`;
    write(root, `${ARGO_APPS}/${argo}`, argoApp(name, 'database', `  source:\n    repoURL: ${REPO_URL}\n    targetRevision: main\n    path: ${dir}\n`));
    argoFiles.push(argo);
  }
  for (let v = 0; v < vkCount; v++) {
    const name = `vk-bench-${pad(v, 3)}`;
    const dir = `${DATA}/valkey/${name}`;
    write(root, `${dir}/values.yaml`, `# Valkey release ${name}\narchitecture: replication\nauth:\n  existingSecret: ${name}-auth\nprimary:\n  persistence:\n    size: 2Gi\n`);
    const argo = `${name}-app.yaml`;
    write(
      root,
      `${ARGO_APPS}/${argo}`,
      argoApp(
        name,
        'database',
        `  sources:\n  - repoURL: registry-1.docker.io/bitnamicharts\n    chart: valkey\n    targetRevision: 2.4.7\n    helm:\n      releaseName: ${name}\n      valueFiles:\n      - $values/${dir}/values.yaml\n  - repoURL: ${REPO_URL}\n    targetRevision: main\n    ref: values\n`,
      ),
    );
    argoFiles.push(argo);
  }

  for (let i = 0; i < apps; i++) {
    const domain = domains[i % domains.length];
    const app = `app-${pad(i)}`;
    const dir = `cluster/apps/${domain}/${app}`;
    const pg = `pg-bench-${pad(Math.floor(i / 25), 3)}`;
    const vk = `vk-bench-${pad(Math.floor(i / 100), 3)}`;
    const shape = i % 10;
    let sources;
    if (shape <= 5) {
      shapes.kustomize++;
      for (const [file, text] of Object.entries(kustomizeApp(app, domain, pg, vk))) write(root, `${dir}/${file}`, text);
      sources = `  source:\n    repoURL: ${REPO_URL}\n    targetRevision: main\n    path: ${dir}\n`;
    } else if (shape <= 7) {
      shapes.helmTwoSources++;
      write(root, `${dir}/values.yaml`, helmValues(app, pg, vk));
      write(root, `${dir}/externalsecret.yaml`, externalSecret(app));
      write(root, `${dir}/vpa.yaml`, vpa(app));
      write(root, `${dir}/kustomization.yaml`, kustomization(domain, ['externalsecret.yaml', 'vpa.yaml']));
      sources = `  sources:\n${chartSource(app, `${dir}/values.yaml`)}  - repoURL: ${REPO_URL}\n    targetRevision: main\n    ref: values\n    path: ${dir}\n`;
    } else if (shape === 8) {
      shapes.helmThreeSources++;
      write(root, `${dir}/values.yaml`, helmValues(app, pg, vk));
      write(root, `${dir}/externalsecret.yaml`, externalSecret(app));
      write(root, `${dir}/kustomization.yaml`, kustomization(domain, ['externalsecret.yaml']));
      sources = `  sources:\n${chartSource(app, `${dir}/values.yaml`)}  - repoURL: ${REPO_URL}\n    targetRevision: main\n    ref: values\n  - repoURL: ${REPO_URL}\n    targetRevision: main\n    path: ${dir}\n`;
    } else {
      shapes.helmOnly++;
      const repoURL = i % 20 === 9 ? 'registry.example.org/charts' : 'https://charts.example.org/stable';
      const inline = helmValues(app, pg, vk)
        .split('\n')
        .map(l => (l ? `        ${l}` : l))
        .join('\n');
      sources = `  source:\n    repoURL: ${repoURL}\n    chart: ${app}\n    targetRevision: 0.9.${i % 7}\n    helm:\n      releaseName: ${app}\n      values: |\n${inline}`;
    }
    const argo = `${app}-app.yaml`;
    write(root, `${ARGO_APPS}/${argo}`, argoApp(app, domain, sources));
    argoFiles.push(argo);
    if (shape !== 9) {
      const ingress = `${app}.yaml`;
      write(
        root,
        `cluster/apps/shared/ingress/${ingress}`,
        `# ${domain}/${app} -> Service ${app}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app}
  namespace: ${domain}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
spec:
  ingressClassName: ${i % 3 === 0 ? 'haproxy-restricted' : 'haproxy'}
  tls:
  - secretName: ${app}-tls
    hosts: [${app}.homelab.example]
  rules:
  - host: ${app}.homelab.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${app}
            port:
              number: 80
`,
      );
      ingressFiles.push(ingress);
    }
  }
  for (const [file, extra] of [
    [`cluster/apps/shared/ingress/kustomization.yaml`, ingressFiles],
    [`${ARGO_APPS}/kustomization.yaml`, argoFiles],
  ]) {
    const full = join(root, file);
    writeFileSync(full, `${readFileSync(full, 'utf8').trimEnd()}\n${extra.map(f => `- ${f}`).join('\n')}\n`);
  }
  if (git) commitAll(root);
  return { apps, domains: domains.length, postgresClusters: pgCount, valkeyReleases: vkCount, shapes, git };
}
