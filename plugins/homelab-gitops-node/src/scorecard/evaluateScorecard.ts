import type { ScorecardFinding, ScorecardRuleId } from '@internal/plugin-homelab-common';
import { SCORECARD_RULES } from '@internal/plugin-homelab-common';
import { containers, group, isWorkload, podTemplate } from '../model/k8s';
import type { ParsedManifest, RepoModel, RepoResource, RepoUnit } from '../model/types';

/** @public */
export const ALL_SCORECARD_RULES = Object.keys(SCORECARD_RULES) as ScorecardRuleId[];

type Check = (unit: RepoUnit, model: RepoModel) => ScorecardFinding[];

const label = (m: ParsedManifest) => `${m.object.kind} ${m.object.metadata.name}`;
const workloadsOf = (unit: RepoUnit) => unit.manifests.filter(m => isWorkload(m.object));
const replicasOf = (m: ParsedManifest) => (m.object.kind === 'Deployment' || m.object.kind === 'StatefulSet' ? m.object.spec?.replicas ?? 1 : 1);

function imageProblem(image: string): string | undefined {
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.split('/').pop() ?? image;
  if (!lastSegment.includes(':')) return 'has no tag (defaults to :latest)';
  const tag = lastSegment.split(':').pop()!;
  if (tag === 'latest') return 'uses :latest';
  return undefined;
}

const checks: Record<ScorecardRuleId, Check> = {
  'image-pinned': unit =>
    workloadsOf(unit).flatMap(w =>
      containers(w.object).map(c => {
        const problem = imageProblem(String(c.image ?? ''));
        return {
          rule: 'image-pinned' as const,
          passed: !problem,
          message: problem
            ? `${label(w)}: container ${c.name} image ${c.image} ${problem}; pin a version`
            : `${label(w)}: ${c.image}`,
          file: w.file,
        };
      }),
    ),
  'resources-set': unit =>
    workloadsOf(unit).flatMap(w =>
      containers(w.object).map(c => {
        const missing = ['requests', 'limits'].filter(k => !c.resources?.[k] || Object.keys(c.resources[k]).length === 0);
        return {
          rule: 'resources-set' as const,
          passed: missing.length === 0,
          message: missing.length
            ? `${label(w)}: container ${c.name} sets no ${missing.join(' or ')}`
            : `${label(w)}: container ${c.name} sets requests and limits`,
          file: w.file,
        };
      }),
    ),
  'pdb-for-replicas': unit =>
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
            ? `${label(w)} (${replicasOf(w)} replicas) is covered by ${label(pdb)}`
            : `${label(w)} runs ${replicasOf(w)} replicas without a PodDisruptionBudget selecting its pods`,
          file: pdb?.file ?? w.file,
        };
      }),
  autoscaler: unit =>
    workloadsOf(unit)
      .filter(w => w.object.kind !== 'CronJob' && w.object.kind !== 'Job')
      .map(w => {
        const scaler = unit.manifests.find(
          m =>
            (m.object.kind === 'VerticalPodAutoscaler' || m.object.kind === 'HorizontalPodAutoscaler') &&
            m.object.spec?.targetRef?.name === w.object.metadata.name &&
            (m.object.spec?.targetRef?.kind ?? w.object.kind) === w.object.kind,
        ) ?? unit.manifests.find(m => m.object.kind === 'HorizontalPodAutoscaler' && m.object.spec?.scaleTargetRef?.name === w.object.metadata.name);
        return {
          rule: 'autoscaler' as const,
          passed: !!scaler,
          message: scaler ? `${label(w)} is sized by ${label(scaler)}` : `${label(w)} has no VerticalPodAutoscaler or HorizontalPodAutoscaler`,
          file: scaler?.file ?? w.file,
        };
      }),
  'pvc-backed-up': (unit, model) =>
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
            ? `${label(pvc)} is replicated by ${label(source)}`
            : `${label(pvc)} is not covered by a VolSync ReplicationSource`,
          file: source?.file ?? pvc.file,
        };
      }),
  'postgres-scheduled-backup': (unit, model) =>
    unit.manifests
      .filter(m => group(m.object.apiVersion) === 'postgresql.cnpg.io' && m.object.kind === 'Cluster')
      .map(cluster => postgresBackupFinding(cluster, model)),
  'ingress-tls': unit =>
    unit.ingresses.map(ing => {
      const tls = ing.object.spec?.tls;
      const ok = Array.isArray(tls) ? tls.length > 0 : !!tls;
      return {
        rule: 'ingress-tls' as const,
        passed: ok,
        message: ok ? `${label(ing)} serves TLS` : `${label(ing)} has no tls section: traffic to it is plain HTTP`,
        file: ing.file,
      };
    }),
  'non-root': unit =>
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
      const passed = !root && declared;
      let message = `${label(w)} runs as non-root`;
      if (root) message = `${label(w)} runs as root (runAsUser: 0 or runAsNonRoot: false)`;
      else if (!declared) message = `${label(w)} does not set runAsNonRoot or a non-zero runAsUser, so it runs as the image's user`;
      return { rule: 'non-root' as const, passed, message, file: w.file };
    }),
  'argo-application': unit =>
    unit.layer !== 'app'
      ? []
      : [
          {
            rule: 'argo-application' as const,
            passed: unit.argoApps.length > 0,
            message:
              unit.argoApps.length > 0
                ? `Deployed by Argo CD Application ${unit.argoApps.map(a => a.name).join(', ')}`
                : `No Argo CD Application deploys ${unit.path}: it is never synced to the cluster`,
            file: unit.argoApps[0]?.file ?? unit.path,
          },
        ],
  'argo-path-exists': (unit, model) =>
    unit.argoApps.flatMap(app =>
      app.paths.map(p => {
        const exists = [...model.paths].some(f => f === p || f.startsWith(`${p}/`));
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

function postgresBackupFinding(cluster: ParsedManifest, model: RepoModel): ScorecardFinding {
  const backup = model.manifests.find(
    m =>
      group(m.object.apiVersion) === 'postgresql.cnpg.io' &&
      m.object.kind === 'ScheduledBackup' &&
      m.object.spec?.cluster?.name === cluster.object.metadata.name &&
      m.namespace === cluster.namespace,
  );
  return {
    rule: 'postgres-scheduled-backup',
    passed: !!backup,
    message: backup
      ? `${label(cluster)} is backed up on schedule ${backup.object.spec?.schedule} by ${label(backup)}`
      : `${label(cluster)} has no ScheduledBackup: add one next to ${cluster.file.split('/').pop()}`,
    file: backup?.file ?? cluster.file,
  };
}

/**
 * Checks a unit against the enabled convention rules.
 *
 * @public
 */
export function evaluateScorecard(
  unit: RepoUnit,
  model: RepoModel,
  rules: ScorecardRuleId[] = ALL_SCORECARD_RULES,
): ScorecardFinding[] {
  return rules.flatMap(rule => checks[rule](unit, model));
}

/**
 * Checks a resource (today: backups of Postgres clusters).
 *
 * @public
 */
export function evaluateResourceScorecard(
  resource: RepoResource,
  model: RepoModel,
  rules: ScorecardRuleId[] = ALL_SCORECARD_RULES,
): ScorecardFinding[] {
  const m = resource.manifest;
  if (rules.includes('postgres-scheduled-backup') && group(m.object.apiVersion) === 'postgresql.cnpg.io' && m.object.kind === 'Cluster') {
    return [postgresBackupFinding(m, model)];
  }
  return [];
}
