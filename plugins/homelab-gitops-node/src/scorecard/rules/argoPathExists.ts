import { modelIndex } from '../modelIndex';
import type { ScorecardRule } from '../types';

/** Every git path of an Argo CD Application exists in the repo. */
export const argoPathExists: ScorecardRule = {
  id: 'argo-path-exists',
  checkUnit: (unit, model) =>
    unit.argoApps.flatMap(app =>
      app.paths.map(p => {
        const exists = modelIndex(model).pathExists(p);
        return {
          rule: 'argo-path-exists' as const,
          passed: exists,
          message: exists
            ? `Argo CD Application ${app.name} path ${p} exists`
            : `Argo CD Application ${app.name} points at ${p}, which does not exist in the repo: remove the Application or restore the path`,
          file: app.file,
        };
      }),
    ),
};
