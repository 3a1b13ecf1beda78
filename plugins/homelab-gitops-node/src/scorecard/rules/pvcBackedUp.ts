import { group } from '../../model/k8s';
import { describeManifest } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Every PersistentVolumeClaim is replicated by a VolSync ReplicationSource. */
export const pvcBackedUp: ScorecardRule = {
  id: 'pvc-backed-up',
  checkUnit: (unit, model) =>
    unit.manifests
      .filter(m => m.object.kind === 'PersistentVolumeClaim')
      .map(pvc => {
        const source = model.manifests.find(
          m =>
            group(m.object.apiVersion) === 'volsync.backube' &&
            m.object.kind === 'ReplicationSource' &&
            m.object.spec?.sourcePVC === pvc.object.metadata.name &&
            m.namespace === pvc.namespace,
        );
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
