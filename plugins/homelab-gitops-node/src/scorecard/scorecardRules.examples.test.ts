import type { ScorecardRuleId } from '@internal/plugin-homelab-common';
import { SCORECARD_RULES } from '@internal/plugin-homelab-common';
import { DEFAULT_LAYOUT } from '../layout';
import { buildRepoModel } from '../model/buildRepoModel';
import { snapshotOf } from '../testing/snapshotOf';
import { examples as argoApplication } from './rules/argoApplication.examples';
import { examples as argoPathExists } from './rules/argoPathExists.examples';
import { examples as autoscaler } from './rules/autoscaler.examples';
import { examples as imagePinned } from './rules/imagePinned.examples';
import { examples as ingressTls } from './rules/ingressTls.examples';
import { examples as nonRoot } from './rules/nonRoot.examples';
import { examples as pdbForReplicas } from './rules/pdbForReplicas.examples';
import { examples as postgresScheduledBackup } from './rules/postgresScheduledBackup.examples';
import { examples as pvcBackedUp } from './rules/pvcBackedUp.examples';
import { examples as resourcesSet } from './rules/resourcesSet.examples';
import { scorecardRules } from './scorecardRules';
import type { ScorecardRuleExample } from './types';

const examplesByRule: Record<ScorecardRuleId, ScorecardRuleExample[]> = {
  'image-pinned': imagePinned,
  'resources-set': resourcesSet,
  'pdb-for-replicas': pdbForReplicas,
  autoscaler,
  'pvc-backed-up': pvcBackedUp,
  'postgres-scheduled-backup': postgresScheduledBackup,
  'ingress-tls': ingressTls,
  'non-root': nonRoot,
  'argo-application': argoApplication,
  'argo-path-exists': argoPathExists,
};

describe('scorecard rule examples', () => {
  it('every declared rule has an implementation and passing and failing examples', () => {
    expect(Object.keys(scorecardRules).sort()).toEqual(Object.keys(SCORECARD_RULES).sort());
    for (const [id, examples] of Object.entries(examplesByRule)) {
      const outcomes = examples.flatMap(e => e.expected);
      expect({ id, passes: outcomes.includes(true), fails: outcomes.includes(false) }).toEqual({ id, passes: true, fails: true });
    }
  });

  describe.each(Object.entries(examplesByRule))('%s', (id, examples) => {
    it.each(examples.map(e => [e.description, e] as const))('%s', (_description, example) => {
      const model = buildRepoModel(snapshotOf(example.files), DEFAULT_LAYOUT);
      expect(model.problems).toEqual([]);
      const rule = scorecardRules[id as ScorecardRuleId];
      const findings =
        'unit' in example.subject
          ? rule.checkUnit(model.units.find(u => u.name === (example.subject as { unit: string }).unit)!, model)
          : rule.checkResource!(model.resources.find(r => r.name === (example.subject as { resource: string }).resource)!, model);
      expect(findings.map(f => f.passed)).toEqual(example.expected);
      for (const f of findings) {
        expect(f.rule).toBe(id);
        expect(f.file).toBeTruthy();
      }
    });
  });
});
