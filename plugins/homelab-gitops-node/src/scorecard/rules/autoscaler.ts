import { describeManifest, workloadsOf } from '../manifestFacts';
import type { ScorecardRule } from '../types';

/** Workloads have a VerticalPodAutoscaler or HorizontalPodAutoscaler. */
export const autoscaler: ScorecardRule = {
  id: 'autoscaler',
  checkUnit: unit =>
    workloadsOf(unit)
      .filter(w => w.object.kind !== 'CronJob' && w.object.kind !== 'Job')
      .map(w => {
        const scaler =
          unit.manifests.find(
            m =>
              (m.object.kind === 'VerticalPodAutoscaler' || m.object.kind === 'HorizontalPodAutoscaler') &&
              m.object.spec?.targetRef?.name === w.object.metadata.name &&
              (m.object.spec?.targetRef?.kind ?? w.object.kind) === w.object.kind,
          ) ??
          unit.manifests.find(
            m => m.object.kind === 'HorizontalPodAutoscaler' && m.object.spec?.scaleTargetRef?.name === w.object.metadata.name,
          );
        return {
          rule: 'autoscaler' as const,
          passed: !!scaler,
          message: scaler
            ? `${describeManifest(w)} is sized by ${describeManifest(scaler)}`
            : `${describeManifest(w)} has no VerticalPodAutoscaler or HorizontalPodAutoscaler`,
          file: scaler?.file ?? w.file,
        };
      }),
};
