import { describeManifest } from '../manifestFacts';
import { modelIndex } from '../modelIndex';
import type { ScorecardRule } from '../types';

/** Every PersistentVolumeClaim is replicated by a VolSync ReplicationSource. */
export const pvcBackedUp: ScorecardRule = {
  id: 'pvc-backed-up',
  checkUnit: (unit, model) =>
    unit.manifests
      .filter(m => m.object.kind === 'PersistentVolumeClaim')
      .map(pvc => {
        const source = modelIndex(model).firstReferring('replicationSource', pvc.namespace, pvc.object.metadata.name);
        return {
          rule: 'pvc-backed-up' as const,
          passed: !!source,
          message: source
            ? `${describeManifest(pvc)} is replicated by ${describeManifest(source)}`
            : `${describeManifest(pvc)} is not covered by a VolSync ReplicationSource`,
          file: source?.file ?? pvc.file,
        };
      }),
};
