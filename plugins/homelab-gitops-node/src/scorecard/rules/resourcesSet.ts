import { containers } from '../../model/k8s';
import { describeManifest, workloadsOf } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Every container sets CPU/memory requests and limits. */
export const resourcesSet: ScorecardRule = {
  id: 'resources-set',
  checkUnit: unit =>
    workloadsOf(unit).flatMap(w =>
      containers(w.object).map(c => {
        const missing = ['requests', 'limits'].filter(k => !c.resources?.[k] || Object.keys(c.resources[k]).length === 0);
        return {
          rule: 'resources-set' as const,
          passed: missing.length === 0,
          message: missing.length
            ? `${describeManifest(w)}: container ${c.name} sets no ${missing.join(' or ')}`
            : `${describeManifest(w)}: container ${c.name} sets requests and limits`,
          file: w.file,
        };
      }),
    ),
};
