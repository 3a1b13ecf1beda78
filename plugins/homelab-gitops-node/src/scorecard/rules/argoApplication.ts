import type { ScorecardRule } from '../types';

/** An app folder is deployed by an Argo CD Application. */
export const argoApplication: ScorecardRule = {
  id: 'argo-application',
  checkUnit: unit =>
    unit.layer !== 'app'
      ? []
      : [
          {
            rule: 'argo-application',
            passed: unit.argoApps.length > 0,
            message:
              unit.argoApps.length > 0
                ? `Deployed by Argo CD Application ${unit.argoApps.map(a => a.name).join(', ')}`
                : `No Argo CD Application deploys ${unit.path}: it is never synced to the cluster`,
            file: unit.argoApps[0]?.file ?? unit.path,
          },
        ],
};
