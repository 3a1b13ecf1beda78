import { containers, podTemplate } from '../../model/k8s';
import { describeManifest, workloadsOf } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Pods do not run as root. */
export const nonRoot: ScorecardRule = {
  id: 'non-root',
  checkUnit: unit =>
    workloadsOf(unit).map(w => {
      const pod = podTemplate(w.object)?.spec ?? {};
      const ctrs = containers(w.object);
      const root = [pod.securityContext, ...ctrs.map(c => c.securityContext)].some(
        sc => sc?.runAsUser === 0 || sc?.runAsNonRoot === false,
      );
      const declared =
        pod.securityContext?.runAsNonRoot === true ||
        (pod.securityContext?.runAsUser ?? 0) > 0 ||
        ctrs.every(c => c.securityContext?.runAsNonRoot === true || (c.securityContext?.runAsUser ?? 0) > 0);
      const name = describeManifest(w);
      let message = `${name} runs as non-root`;
      if (root) message = `${name} runs as root (runAsUser: 0 or runAsNonRoot: false)`;
      else if (!declared) message = `${name} does not set runAsNonRoot or a non-zero runAsUser, so it runs as the image's user`;
      return { rule: 'non-root' as const, passed: !root && declared, message, file: w.file };
    }),
};
