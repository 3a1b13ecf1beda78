import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { rbacRuleFor, STATE_KINDS, stateKindOf } from './kinds';

describe('the shipped read-only ClusterRole', () => {
  const docs = parseAllDocuments(readFileSync(resolve(__dirname, '../../../deploy/portal-clusterrole.yaml'), 'utf8')).map(d => d.toJS());
  const role = docs.find(d => d.kind === 'ClusterRole');

  // The exact set, these and the stock Kubernetes tab's kinds, is derived
  // and checked in e2e-tests/deployment.test.mjs, which can load that plugin.
  it('grants get, list and watch on every kind the live-state views read', () => {
    const granted = role.rules.flatMap((r: any) =>
      ['get', 'list', 'watch'].every(v => r.verbs.includes(v)) ? r.apiGroups.flatMap((g: string) => r.resources.map((res: string) => `${res}.${g}`)) : [],
    );
    const read = Object.values(STATE_KINDS).map(k => `${k.plural}.${k.group}`);
    expect(read.filter(k => !granted.includes(k))).toEqual([]);
  });

  it('never grants Secrets or a write verb', () => {
    for (const rule of role.rules) {
      expect(rule.resources).not.toContain('secrets');
      expect(rule.resources).not.toContain('*');
      expect(rule.verbs.every((v: string) => ['get', 'list', 'watch'].includes(v))).toBe(true);
    }
  });
});

describe('stateKindOf', () => {
  it.each([
    ['postgresql.cnpg.io/v1', 'Cluster', 'cnpg-cluster'],
    ['ceph.rook.io/v1', 'CephCluster', 'ceph-cluster'],
    ['ray.io/v1', 'RayService', 'ray-service'],
    ['argoproj.io/v1alpha1', 'Application', 'argo-application'],
    ['apps/v1', 'Deployment', undefined],
    [undefined, 'Cluster', undefined],
  ])('%s %s -> %s', (apiVersion, kind, id) => {
    expect(stateKindOf(apiVersion, kind)?.id).toBe(id);
  });

  it('writes the RBAC rule to add for a forbidden kind', () => {
    expect(rbacRuleFor(STATE_KINDS.rayJob)).toBe('- apiGroups: ["ray.io"]\n  resources: ["rayjobs"]\n  verbs: ["get", "list", "watch"]');
  });
});
