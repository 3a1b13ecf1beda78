import { describeManifest } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Every ingress routed to the unit serves TLS. */
export const ingressTls: ScorecardRule = {
  id: 'ingress-tls',
  checkUnit: unit =>
    unit.ingresses.map(ing => {
      const tls = ing.object.spec?.tls;
      const ok = Array.isArray(tls) ? tls.length > 0 : !!tls;
      return {
        rule: 'ingress-tls' as const,
        passed: ok,
        message: ok
          ? `${describeManifest(ing)} serves TLS`
          : `${describeManifest(ing)} has no tls section: traffic to it is plain HTTP`,
        file: ing.file,
      };
    }),
};
