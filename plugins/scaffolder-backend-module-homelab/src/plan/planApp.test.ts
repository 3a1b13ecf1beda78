import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { RepoContext } from '../source/RepoContext';
import { repoContextOf } from '../__testUtils__/exampleRepoContext';
import type { AppRequest } from './AppRequest';
import { planApp } from './planApp';

const web: AppRequest = {
  kind: 'web',
  domain: 'productivity',
  name: 'wiki',
  owner: 'user:default/guest',
  image: 'ghcr.io/example/wiki:1.4.0',
  hostname: 'wiki.homelab.example',
  ingressClass: 'restricted',
};
const fileOf = (plan: ReturnType<typeof planApp>, path: string) => {
  const f = plan.files.find(x => x.path === path);
  if (!f) throw new Error(`no planned file ${path}; have ${plan.files.map(x => x.path).join(', ')}`);
  return f;
};

describe('planApp on the example repo', () => {
  let ctx: RepoContext;
  beforeAll(async () => {
    ctx = await repoContextOf();
  });

  it('plans a web app with Postgres, a cache and a volume in the repo layout', () => {
    const plan = planApp(ctx, { ...web, postgresCluster: 'resource:default/pg-productivity', cache: 'valkey-cache', storage: { size: '5Gi', mountPath: '/data' }, replicas: 2 });
    expect(plan.files.map(f => `${f.action} ${f.path}`)).toEqual([
      'create cluster/apps/productivity/wiki/configmap.yaml',
      'create cluster/apps/productivity/wiki/deployment.yaml',
      'create cluster/apps/productivity/wiki/externalsecret.yaml',
      'create cluster/apps/productivity/wiki/kustomization.yaml',
      'create cluster/apps/productivity/wiki/pdb.yaml',
      'create cluster/apps/productivity/wiki/pvc.yaml',
      'create cluster/apps/productivity/wiki/replicationsource.yaml',
      'create cluster/apps/productivity/wiki/service.yaml',
      'create cluster/apps/productivity/wiki/serviceaccount.yaml',
      'create cluster/apps/productivity/wiki/vpa.yaml',
      'edit cluster/apps/shared/ingress/kustomization.yaml',
      'create cluster/apps/shared/ingress/wiki.yaml',
      'edit cluster/platform/base/data/data-definitions/postgres/pg-productivity/cluster.yaml',
      'edit cluster/platform/base/data/data-definitions/postgres/pg-productivity/databases.yaml',
      'edit cluster/platform/base/data/data-definitions/postgres/pg-productivity/externalsecret.yaml',
      'edit cluster/platform/gitops/argocd/apps/kustomization.yaml',
      'create cluster/platform/gitops/argocd/apps/wiki-app.yaml',
    ]);
    expect(parse(fileOf(plan, 'cluster/apps/productivity/wiki/configmap.yaml').content).data).toEqual({
      DB_HOST: 'pg-productivity-rw.database.svc.cluster.local',
      DB_PORT: '5432',
      DB_NAME: 'wiki',
      DB_USER: 'wiki',
      REDIS_HOST: 'valkey-cache-primary.database.svc.cluster.local',
      REDIS_PORT: '6379',
      // 0 (nextcloud, no index named), 2 (open-webui) and 5 (portfolio) are taken.
      REDIS_DB: '1',
    });
    expect(plan.vaultKeys).toEqual([{ key: 'apps/productivity/wiki-secret', properties: ['db_password'], generate: ['db_password'] }]);
    expect(plan.dependencies).toEqual(['pg-productivity', 'valkey-cache']);
    // Edits are document edits: comments kept, the role appended in the file's own list style.
    const cluster = fileOf(plan, 'cluster/platform/base/data/data-definitions/postgres/pg-productivity/cluster.yaml');
    expect(cluster.content).toContain('# Productivity stack: Nextcloud, Vaultwarden, Paperless-ngx.');
    expect(cluster.diff).toContain(
      ['+      - name: wiki', '+        ensure: present', '+        login: true', '+        passwordSecret:', '+          name: pg-productivity-wiki'].join('\n'),
    );
    expect(fileOf(plan, 'cluster/platform/gitops/argocd/apps/kustomization.yaml').diff).toContain(' - web-shared-app.yaml\n+- wiki-app.yaml');
    const ingressList = fileOf(plan, 'cluster/apps/shared/ingress/kustomization.yaml').content;
    expect(ingressList.startsWith('# Central ingress layer for all apps')).toBe(true);
    // That list is in append order, not sorted: the new entry goes last.
    expect(ingressList.trimEnd().endsWith('- backstage.yaml\n- wiki.yaml')).toBe(true);
    expect(parse(fileOf(plan, 'cluster/apps/productivity/wiki/vpa.yaml').content).spec.updatePolicy.updateMode).toBe('Off');
  });

  it('keeps free text one plain string', () => {
    const description = 'notes: "quoted" # not a comment --- {{ x }} &a *b [1, 2]';
    const plan = planApp(ctx, { ...web, description });
    const k = parse(fileOf(plan, 'cluster/apps/productivity/wiki/kustomization.yaml').content);
    expect(Object.values(k.metadata.annotations)).toEqual(['user:default/guest', description]);
  });

  describe('refuses hostile or broken input before anything is written, naming the field', () => {
    it.each<[string, Partial<AppRequest>, RegExp]>([
      ['../ in a name', { name: '../etc' }, /^name: must not contain a relative path/],
      ['../ in free text', { description: 'see ../../etc/passwd' }, /^description: must not contain a relative path/],
      ['../ in a mount path', { storage: { size: '1Gi', mountPath: '/data/../../etc' } }, /^storage.mountPath: must not contain a relative path/],
      ['an absolute path', { name: '/etc/passwd' }, /^name: must not be an absolute path/],
      ['a name over 63 characters', { name: 'a'.repeat(64) }, /^name: "a{64}" is 64 characters long; a name has at most 63\.$/],
      ['a name that is not DNS-1123', { name: 'My_App' }, /^name: "My_App" is not a DNS-1123 label: use only lowercase letters, digits and "-"\.$/],
      ['YAML injection through a line break', { description: 'x\nkind: Secret' }, /^description: must be one line/],
      ['a hostname outside the base domain', { hostname: 'wiki.evil.example.com' }, /^hostname: "wiki.evil.example.com" is outside the base domain homelab.example; use a name like <app>.homelab.example\.$/],
      ['a hostname already served', { hostname: 'paperless.homelab.example' }, /^hostname: paperless.homelab.example is already served by paperless-ngx/],
      ['an app that already exists', { name: 'paperless-ngx' }, /^name: an app named paperless-ngx already exists/],
      ['a Postgres cluster that does not exist', { postgresCluster: 'resource:default/pg-nope' }, /^postgresCluster: there is no postgres-cluster "pg-nope"/],
      ['a cache that does not exist', { cache: 'redis-nope' }, /^cache: there is no cache "redis-nope"/],
      ['an image tagged latest', { image: 'ghcr.io/example/wiki:latest' }, /^image: "ghcr.io\/example\/wiki:latest" uses the tag latest; pin a version/],
      ['an image without a tag', { image: 'ghcr.io/example/wiki' }, /^image: "ghcr.io\/example\/wiki" has no tag; pin a version/],
      ['an unknown domain', { domain: 'games' }, /^domain: "games" is not an app domain/],
      ['a Ray workload where the domain has no Ray service account', { kind: 'ray-job', domain: 'media', image: undefined }, /^domain: media does not provide what Ray workloads need/],
    ])('%s', (_, change, message) => {
      expect(() => planApp(ctx, { ...web, ...change })).toThrow(message);
    });
  });
});

describe('planApp on a repo with other conventions', () => {
  it('follows that repo: its Argo values, ingress placement, classes, secrets and list style', async () => {
    const ctx = await repoContextOf(resolve(__dirname, '../__fixtures__/other-homelab'));
    const plan = planApp(ctx, { ...web, domain: 'tools', name: 'wiki', hostname: 'wiki.lab.example.org', secretKeys: ['token'] });
    expect(plan.files.map(f => `${f.action} ${f.path}`)).toEqual([
      'create cluster/apps/tools/wiki/deployment.yaml',
      'create cluster/apps/tools/wiki/externalsecret.yaml',
      'create cluster/apps/tools/wiki/ingress.yaml',
      'create cluster/apps/tools/wiki/kustomization.yaml',
      'create cluster/apps/tools/wiki/service.yaml',
      'create cluster/apps/tools/wiki/serviceaccount.yaml',
      'create cluster/apps/tools/wiki/vpa.yaml',
      'edit deploy/argocd/kustomization.yaml',
      'create deploy/argocd/wiki.yaml',
    ]);
    expect(parse(fileOf(plan, 'deploy/argocd/wiki.yaml').content)).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'wiki', namespace: 'gitops' },
      spec: {
        project: 'homelab',
        source: { repoURL: 'https://git.lab.example.org/lab/infra.git', targetRevision: 'HEAD', path: 'cluster/apps/tools/wiki' },
        destination: { name: 'in-cluster', namespace: 'tools-ns' },
        syncPolicy: { automated: {} },
      },
    });
    const ingress = parse(fileOf(plan, 'cluster/apps/tools/wiki/ingress.yaml').content);
    expect(ingress.spec.ingressClassName).toBe('traefik-internal');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/issuer': 'lab-ca' });
    expect(parse(fileOf(plan, 'cluster/apps/tools/wiki/externalsecret.yaml').content).spec).toMatchObject({
      refreshInterval: '15m',
      secretStoreRef: { kind: 'SecretStore', name: 'openbao' },
      data: [{ secretKey: 'TOKEN', remoteRef: { key: 'kv/tools/wiki', property: 'token' } }],
    });
    // An unsorted, indented list with a comment: appended at the end, style and comment kept.
    expect(fileOf(plan, 'deploy/argocd/kustomization.yaml').content).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  # apps first, then the platform',
        '  - miniflux.yaml',
        '  - gitea.yaml',
        '  - ingress.yaml',
        '  - wiki.yaml',
        '',
      ].join('\n'),
    );
    expect(fileOf(plan, 'cluster/apps/tools/wiki/kustomization.yaml').content).toContain('resources:\n  - serviceaccount.yaml');
    expect(() => planApp(ctx, { ...web, domain: 'tools', name: 'wiki2', hostname: 'wiki.homelab.example' })).toThrow(
      /^hostname: "wiki.homelab.example" is outside the base domain lab.example.org/,
    );
    expect(() => planApp(ctx, { ...web, domain: 'tools', name: 'wiki3', hostname: 'w3.lab.example.org', storage: { size: '1Gi', mountPath: '/data' } })).toThrow(
      /^storage: the repo has no VolSync ReplicationSource/,
    );
  });
});

describe('planApp for Ray workloads and platform components', () => {
  let ctx: RepoContext;
  beforeAll(async () => {
    ctx = await repoContextOf();
  });

  it('a RayService with GPU workers uses the domain service account, priority class, image and GPU resource', () => {
    const plan = planApp(ctx, { kind: 'ray-service', domain: 'ai', name: 'vision', owner: 'user:default/guest', gpu: true, serveImportPath: 'vision.app:deployment' });
    const svc = parse(fileOf(plan, 'cluster/apps/ai/vision/rayservice.yaml').content);
    const worker = svc.spec.rayClusterConfig.workerGroupSpecs[0];
    expect(worker.groupName).toBe('gpu');
    expect(worker.template.spec).toMatchObject({ serviceAccountName: 'ray-workloads', priorityClassName: 'ray-serve', securityContext: { runAsNonRoot: true } });
    expect(worker.template.spec.containers[0]).toMatchObject({
      image: 'docker.io/rayproject/ray:2.48.0-py311-cpu',
      resources: { requests: { 'amd.com/gpu': 1 }, limits: { 'amd.com/gpu': 1 } },
    });
    expect(svc.spec.serveConfigV2).toContain('import_path: "vision.app:deployment"');
    expect(plan.components).toEqual(['vision']);
  });

  it('a CPU RayJob asks for no GPU', () => {
    const plan = planApp(ctx, { kind: 'ray-job', domain: 'ai', name: 'embed', entrypoint: 'python -m embed' });
    const job = parse(fileOf(plan, 'cluster/apps/ai/embed/rayjob.yaml').content);
    expect(job.spec.entrypoint).toBe('python -m embed');
    expect(JSON.stringify(job)).not.toContain('gpu');
  });

  it('a platform component with a chart is a multi-source Argo app of the platform project', () => {
    const plan = planApp(ctx, { kind: 'platform', domain: 'platform', name: 'dex', category: 'security', chart: { repoURL: 'https://charts.dexidp.io', chart: 'dex', version: '0.23.0' } });
    const app = parse(fileOf(plan, 'cluster/platform/gitops/argocd/apps/dex-app.yaml').content);
    expect(app.spec.project).toBe('platform');
    expect(app.spec.sources).toEqual([
      { repoURL: 'https://charts.dexidp.io', chart: 'dex', targetRevision: '0.23.0', helm: { releaseName: 'dex', valueFiles: ['$values/cluster/platform/base/security/dex/values.yaml'] } },
      { repoURL: 'https://github.com/example/homelab-gitops.git', targetRevision: 'main', path: 'cluster/platform/base/security/dex', ref: 'values' },
    ]);
    expect(() => planApp(ctx, { kind: 'platform', domain: 'media', name: 'dex2', category: 'security' })).toThrow(/^domain: platform components belong to the platform domain/);
  });
});
