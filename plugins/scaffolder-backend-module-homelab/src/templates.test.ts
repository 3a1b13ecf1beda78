// Every template end to end through the real scaffolder backend: the
// dry-run endpoint (every planned object validated against its schema), then
// a real task committing to a git checkout, a merge, kustomize builds, the
// scorecard and discovery of the merged tree.
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  buildRepoModel,
  DEFAULT_LAYOUT,
  evaluateScorecard,
  readLocalRepo,
} from '@internal/plugin-homelab-gitops-node';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseAllDocuments, stringify } from 'yaml';
import { REPO_ROOT as root, startTemplateBackend, templateEntity as template } from './__testUtils__/templateBackend';

const KUBECTL = '/usr/bin/kubectl';
const VALIDATOR = join(root, 'scripts/validate-kubernetes-objects.mjs');
const TEMPLATES = ['web-app', 'app-with-postgres', 'app-with-cache', 'static-site', 'ray-workload', 'platform-component'];

// What the homelab form fields store: a Domain name, the Kubernetes name of a picked Resource, an owner ref.
const base = { owner: 'user:default/guest', description: 'made by: the portal # not a comment' };
const CASES: Record<string, { values: Record<string, unknown>; units: string[] }> = {
  'web-app': {
    values: { ...base, name: 'notes', domain: 'productivity', image: 'ghcr.io/example/notes:2.1.0', hostname: 'notes.homelab.example', ingressClass: 'haproxy', replicas: 2, storageSize: '2Gi', mountPath: '/data', secretKeys: ['api_key'] },
    units: ['notes'],
  },
  'app-with-postgres': {
    values: { ...base, name: 'wiki', domain: 'productivity', image: 'ghcr.io/example/wiki:1.4.0', hostname: 'wiki.homelab.example', ingressClass: 'haproxy-restricted', postgresCluster: 'pg-productivity' },
    units: ['wiki'],
  },
  'app-with-cache': {
    values: { ...base, name: 'queue-worker', domain: 'media', image: 'ghcr.io/example/worker:0.3.1', hostname: 'worker.homelab.example', cache: 'valkey-queue' },
    units: ['queue-worker'],
  },
  'static-site': {
    values: { ...base, name: 'blog', domain: 'web', image: 'ghcr.io/example/blog:1.0.0', hostname: 'blog.homelab.example', ingressClass: 'haproxy', replicas: 2 },
    units: ['blog-prod', 'blog-staging'],
  },
  'ray-workload': {
    values: { ...base, name: 'embed-job', domain: 'ai', workload: 'ray-job', gpu: false, entrypoint: 'python -m embed' },
    units: ['embed-job'],
  },
  'platform-component': {
    values: { ...base, name: 'dex', domain: 'platform', category: 'security', namespace: 'dex', chartRepoURL: 'https://charts.dexidp.io', chart: 'dex', chartVersion: '0.23.0' },
    units: ['dex'],
  },
};

const DRY_RUN_FILES: Record<string, string[]> = {
  'web-app': [
    'cluster/apps/productivity/notes/deployment.yaml',
    'cluster/apps/productivity/notes/externalsecret.yaml',
    'cluster/apps/productivity/notes/kustomization.yaml',
    'cluster/apps/productivity/notes/pdb.yaml',
    'cluster/apps/productivity/notes/pvc.yaml',
    'cluster/apps/productivity/notes/replicationsource.yaml',
    'cluster/apps/productivity/notes/service.yaml',
    'cluster/apps/productivity/notes/serviceaccount.yaml',
    'cluster/apps/productivity/notes/vpa.yaml',
    'cluster/apps/shared/ingress/kustomization.yaml',
    'cluster/apps/shared/ingress/notes.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
    'cluster/platform/gitops/argocd/apps/notes-app.yaml',
  ],
  'app-with-postgres': [
    'cluster/apps/productivity/wiki/configmap.yaml',
    'cluster/apps/productivity/wiki/deployment.yaml',
    'cluster/apps/productivity/wiki/externalsecret.yaml',
    'cluster/apps/productivity/wiki/kustomization.yaml',
    'cluster/apps/productivity/wiki/service.yaml',
    'cluster/apps/productivity/wiki/serviceaccount.yaml',
    'cluster/apps/productivity/wiki/vpa.yaml',
    'cluster/apps/shared/ingress/kustomization.yaml',
    'cluster/apps/shared/ingress/wiki.yaml',
    'cluster/platform/base/data/data-definitions/postgres/pg-productivity/cluster.yaml',
    'cluster/platform/base/data/data-definitions/postgres/pg-productivity/databases.yaml',
    'cluster/platform/base/data/data-definitions/postgres/pg-productivity/externalsecret.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
    'cluster/platform/gitops/argocd/apps/wiki-app.yaml',
  ],
  'app-with-cache': [
    'cluster/apps/media/queue-worker/configmap.yaml',
    'cluster/apps/media/queue-worker/deployment.yaml',
    'cluster/apps/media/queue-worker/externalsecret.yaml',
    'cluster/apps/media/queue-worker/kustomization.yaml',
    'cluster/apps/media/queue-worker/service.yaml',
    'cluster/apps/media/queue-worker/serviceaccount.yaml',
    'cluster/apps/media/queue-worker/vpa.yaml',
    'cluster/apps/shared/ingress/kustomization.yaml',
    'cluster/apps/shared/ingress/queue-worker.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
    'cluster/platform/gitops/argocd/apps/queue-worker-app.yaml',
  ],
  'static-site': [
    'cluster/apps/shared/ingress/blog-staging.yaml',
    'cluster/apps/shared/ingress/blog.yaml',
    'cluster/apps/shared/ingress/kustomization.yaml',
    'cluster/apps/web/blog/prod/deployment.yaml',
    'cluster/apps/web/blog/prod/kustomization.yaml',
    'cluster/apps/web/blog/prod/pdb.yaml',
    'cluster/apps/web/blog/prod/service.yaml',
    'cluster/apps/web/blog/prod/serviceaccount.yaml',
    'cluster/apps/web/blog/prod/vpa.yaml',
    'cluster/apps/web/blog/staging/deployment.yaml',
    'cluster/apps/web/blog/staging/kustomization.yaml',
    'cluster/apps/web/blog/staging/service.yaml',
    'cluster/apps/web/blog/staging/serviceaccount.yaml',
    'cluster/apps/web/blog/staging/vpa.yaml',
    'cluster/platform/gitops/argocd/apps/blog-prod-app.yaml',
    'cluster/platform/gitops/argocd/apps/blog-staging-app.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
  ],
  'ray-workload': [
    'cluster/apps/ai/embed-job/kustomization.yaml',
    'cluster/apps/ai/embed-job/rayjob.yaml',
    'cluster/platform/gitops/argocd/apps/embed-job-app.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
  ],
  'platform-component': [
    'cluster/platform/base/security/dex/kustomization.yaml',
    'cluster/platform/base/security/dex/values.yaml',
    'cluster/platform/gitops/argocd/apps/dex-app.yaml',
    'cluster/platform/gitops/argocd/apps/kustomization.yaml',
  ],
};

describe('templates through the real scaffolder backend', () => {
  let checkout: string;
  let server: any;
  const tmp = mkdtempSync(join(tmpdir(), 'homelab-templates-'));

  beforeAll(async () => {
    ({ server, checkout } = await startTemplateBackend(tmp, TEMPLATES));
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const dryRun = (name: string, values: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({ template: template(name), values, directoryContents: [] });

  it.each(TEMPLATES)('%s: dry-run shows every planned file and writes nothing', async name => {
    const res = await dryRun(name, CASES[name].values);
    expect(res.status).toBe(200);
    const failed = res.body.log.filter((l: any) => l.body.status === 'failed');
    expect(failed).toEqual([]);
    const files = res.body.directoryContents.map((f: any) => f.path).sort();
    expect(files).toEqual(DRY_RUN_FILES[name].map(f => `gitops/${f}`));
    expect(res.body.output.text[0].content).toContain(name === 'platform-component' ? 'dex' : CASES[name].values.name);
    expect(execFileSync('git', ['branch', '--list'], { cwd: checkout }).toString().trim()).toBe('* main');
  });

  /** The Kubernetes objects of a dry-run's files: kustomizations and Helm values are not sent to the API server. */
  const objectsOf = (directoryContents: { path: string; base64Content: string }[]) =>
    directoryContents
      .filter(f => f.path.endsWith('.yaml'))
      .flatMap(f => parseAllDocuments(Buffer.from(f.base64Content, 'base64').toString('utf8')).map(d => d.toJS()))
      .filter(o => o?.apiVersion && o?.kind && !o.apiVersion.startsWith('kustomize.config.k8s.io/'));
  // The validator's model packages are ESM-only, which Jest's CommonJS runtime cannot load: it runs under plain Node.
  const invalid = (objects: unknown[]) => {
    const r = spawnSync(process.execPath, [VALIDATOR], { input: objects.map(o => stringify(o)).join('---\n'), encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`validator exited ${r.status}: ${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean);
  };
  const PLANNED_KINDS: Record<string, string[]> = {
    'web-app': ['Application', 'Deployment', 'ExternalSecret', 'Ingress', 'PersistentVolumeClaim', 'PodDisruptionBudget', 'ReplicationSource', 'Service', 'ServiceAccount', 'VerticalPodAutoscaler'],
    'app-with-postgres': ['Application', 'Cluster', 'ConfigMap', 'Database', 'Deployment', 'ExternalSecret', 'Ingress', 'Service', 'ServiceAccount', 'VerticalPodAutoscaler'],
    'app-with-cache': ['Application', 'ConfigMap', 'Deployment', 'ExternalSecret', 'Ingress', 'Service', 'ServiceAccount', 'VerticalPodAutoscaler'],
    'static-site': ['Application', 'Deployment', 'Ingress', 'PodDisruptionBudget', 'Service', 'ServiceAccount', 'VerticalPodAutoscaler'],
    'ray-workload': ['Application', 'RayJob'],
    'platform-component': ['Application'],
  };
  // Kinds no @kubernetes-models package covers: the validator reports them rather than skip them.
  const UNMODELLED: Record<string, string[]> = {
    'web-app': ['ReplicationSource/notes-data: no schema for volsync.backube/v1alpha1 ReplicationSource'],
    'ray-workload': ['RayJob/embed-job: no schema for ray.io/v1 RayJob'],
  };

  it.each(TEMPLATES)('%s: every object the dry-run plans validates against its schema', async name => {
    const res = await dryRun(name, CASES[name].values);
    expect(res.status).toBe(200);
    const objects = objectsOf(res.body.directoryContents);
    expect([...new Set(objects.map(o => o.kind))].sort()).toEqual(PLANNED_KINDS[name]);
    expect(invalid(objects)).toEqual(UNMODELLED[name] ?? []);
  });

  it('the schema check rejects a broken Database, managed role and VPA, naming the field', async () => {
    const res = await dryRun('app-with-postgres', CASES['app-with-postgres'].values);
    const objects = objectsOf(res.body.directoryContents);
    const database = objects.find(o => o.kind === 'Database' && o.spec.name === 'wiki');
    const cluster = objects.find(o => o.kind === 'Cluster');
    const vpa = objects.find(o => o.kind === 'VerticalPodAutoscaler');
    const roleIndex = cluster.spec.managed.roles.findIndex((r: any) => r.name === 'wiki');
    database.spec.ensure = 'maybe';
    cluster.spec.managed.roles[roleIndex].login = 'yes';
    vpa.spec.updatePolicy.updateMode = 'Sometimes';
    expect(invalid([database, cluster, vpa])).toEqual([
      `Database/${database.metadata.name}: data/spec/ensure must be equal to one of the allowed values`,
      `Cluster/pg-productivity: data/spec/managed/roles/${roleIndex}/login must be boolean`,
      'VerticalPodAutoscaler/wiki: data/spec/updatePolicy/updateMode must be equal to one of the allowed values',
    ]);
  });

  it('the JSON-schema patterns refuse hostile input before any step runs', async () => {
    const res = await dryRun('web-app', { ...CASES['web-app'].values, name: '../etc' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('pattern');
  });

  it('every template creates a branch in a real task; merged, the apps are catalogued and pass the scorecard', async () => {
    const branches: string[] = [];
    for (const name of TEMPLATES) {
      const created = await request(server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', mockCredentials.user.header())
        .send({ templateRef: `template:default/${template(name).metadata.name}`, values: CASES[name].values });
      expect(created.status).toBe(201);
      let task: any;
      for (let i = 0; i < 200; i++) {
        task = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}`).set('Authorization', mockCredentials.user.header())).body;
        if (task.status === 'completed' || task.status === 'failed') break;
        await new Promise(r => setTimeout(r, 100));
      }
      if (task.status !== 'completed') {
        const events = (await request(server).get(`/api/scaffolder/v2/tasks/${created.body.id}/events`).set('Authorization', mockCredentials.user.header())).body;
        throw new Error(`${name}: task ${task.status}: ${JSON.stringify(events.map((e: any) => e.body.message)).slice(-1500)}`);
      }
      const branch = execFileSync('git', ['branch', '--format=%(refname:short)', '--no-merged', 'main'], { cwd: checkout }).toString().trim().split('\n').filter(b => !branches.includes(b));
      expect(branch).toHaveLength(1);
      branches.push(branch[0]);
      // The task's working tree is untouched; only a branch appeared.
      expect(execFileSync('git', ['status', '--porcelain'], { cwd: checkout }).toString()).toBe('');
      // The owner merges before the next app is planned, as with pull requests.
      execFileSync(join(root, 'scripts/merge-app-branch.sh'), [branch[0]], { env: { ...process.env, GITOPS_CHECKOUT: checkout } });
    }
    const model = buildRepoModel(await readLocalRepo(checkout), DEFAULT_LAYOUT);
    expect(model.problems).toEqual([]);
    const unit = (n: string) => model.units.find(u => u.name === n)!;
    for (const name of TEMPLATES) {
      for (const u of CASES[name].units) {
        expect(unit(u)).toBeDefined();
        const failing = evaluateScorecard(unit(u), model).filter(f => !f.passed);
        expect(failing).toEqual([]);
        if (existsSync(KUBECTL)) execFileSync(KUBECTL, ['kustomize', join(checkout, unit(u).path)]);
      }
    }
    // The folders whose kustomizations the templates edited build too.
    for (const dir of ['cluster/platform/gitops/argocd/apps', 'cluster/apps/shared/ingress', 'cluster/platform/base/data/data-definitions/postgres/pg-productivity']) {
      if (existsSync(KUBECTL)) execFileSync(KUBECTL, ['kustomize', join(checkout, dir)]);
    }
    const deps = (n: string) => unit(n).dependencies.map(d => `${d.targetType}:${d.target}`).sort();
    expect(deps('notes')).toEqual(['ingress-class:haproxy', 'secret-store:vault', 'storage-class:ceph-block']);
    expect(deps('wiki')).toEqual(['ingress-class:haproxy-restricted', 'postgres-cluster:pg-productivity', 'secret-store:vault']);
    expect(deps('queue-worker')).toEqual(['cache:valkey-queue', 'ingress-class:haproxy-restricted', 'secret-store:vault']);
    expect(deps('blog-prod')).toEqual(['ingress-class:haproxy']);
    expect(deps('blog-staging')).toEqual(['ingress-class:haproxy-restricted']);
    expect(unit('notes').hosts).toEqual(['notes.homelab.example']);
    expect(unit('notes').owner).toBe('user:default/guest');
    expect(unit('embed-job').domain).toBe('ai');
    expect(model.resources.find(r => r.name === 'embed-job')).toMatchObject({ type: 'ray-job', definedBy: 'embed-job' });
    expect(unit('dex')).toMatchObject({ layer: 'platform', path: 'cluster/platform/base/security/dex' });
    const kustomization = readFileSync(join(checkout, 'cluster/apps/shared/ingress/kustomization.yaml'), 'utf8');
    expect(kustomization).toContain('# Central ingress layer for all apps');
    expect(kustomization.trimEnd().split('\n').slice(-5)).toEqual(['- notes.yaml', '- wiki.yaml', '- queue-worker.yaml', '- blog.yaml', '- blog-staging.yaml']);
  }, 120_000);
});
