import { podTemplate } from '../../model/k8s';
import { describeManifest, replicasOf, workloadsOf } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Workloads with more than one replica have a PodDisruptionBudget selecting their pods. */
export const pdbForReplicas: ScorecardRule = {
  id: 'pdb-for-replicas',
  checkUnit: unit =>
    workloadsOf(unit)
      .filter(w => replicasOf(w) > 1)
      .map(w => {
        const labels = podTemplate(w.object)?.metadata?.labels ?? {};
        const pdb = unit.manifests.find(
          m =>
            m.object.kind === 'PodDisruptionBudget' &&
            Object.entries(m.object.spec?.selector?.matchLabels ?? { none: '\0' }).every(([k, v]) => labels[k] === v),
        );
        return {
          rule: 'pdb-for-replicas' as const,
          passed: !!pdb,
          message: pdb
            ? `${describeManifest(w)} (${replicasOf(w)} replicas) is covered by ${describeManifest(pdb)}`
            : `${describeManifest(w)} runs ${replicasOf(w)} replicas without a PodDisruptionBudget selecting its pods`,
          file: pdb?.file ?? w.file,
        };
      }),
};
