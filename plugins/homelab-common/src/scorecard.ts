import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from './annotations';

/**
 * The convention rules discovery checks. The set that runs is configurable
 * (`homelab.gitops.scorecard.rules`).
 *
 * @public
 */
export const SCORECARD_RULES = {
  'image-pinned': 'Images are pinned to a version, not :latest or untagged',
  'resources-set': 'Every container sets CPU/memory requests and limits',
  'pdb-for-replicas': 'Workloads with more than one replica have a PodDisruptionBudget',
  autoscaler: 'Workloads have a VerticalPodAutoscaler or HorizontalPodAutoscaler',
  'pvc-backed-up': 'Every PersistentVolumeClaim is replicated by a VolSync ReplicationSource',
  'postgres-scheduled-backup': 'Every Postgres cluster has a ScheduledBackup',
  'ingress-tls': 'Every ingress serves TLS',
  'non-root': 'Pods do not run as root',
  'argo-application': 'The app directory is deployed by an Argo CD Application',
  'argo-path-exists': 'The Argo CD Application points at a path that exists',
} as const;

/** @public */
export type ScorecardRuleId = keyof typeof SCORECARD_RULES;

/**
 * One check of one rule on one entity.
 *
 * @public
 */
export interface ScorecardFinding {
  rule: ScorecardRuleId;
  passed: boolean;
  /** What was checked, or what is wrong and how to fix it. */
  message: string;
  /** Repo-relative file to look at or fix. */
  file?: string;
}

/** @public */
export type ScorecardReadResult =
  | { kind: 'absent' }
  | { kind: 'ok'; findings: ScorecardFinding[] }
  | { kind: 'invalid'; error: string };

const isFinding = (v: unknown): v is ScorecardFinding => {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.rule === 'string' &&
    f.rule in SCORECARD_RULES &&
    typeof f.passed === 'boolean' &&
    typeof f.message === 'string' &&
    (f.file === undefined || typeof f.file === 'string')
  );
};

/**
 * Reads the scorecard annotation of an entity. A malformed value is reported,
 * never thrown, so a card can say what is wrong instead of going blank.
 *
 * @public
 */
export function readScorecard(entity: Entity): ScorecardReadResult {
  const raw = entity.metadata.annotations?.[HomelabAnnotations.scorecard];
  if (raw === undefined) return { kind: 'absent' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    return { kind: 'invalid', error: `${HomelabAnnotations.scorecard} is not JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(parsed)) {
    return { kind: 'invalid', error: `${HomelabAnnotations.scorecard} must be a JSON array of findings` };
  }
  const bad = parsed.findIndex(f => !isFinding(f));
  if (bad >= 0) {
    return {
      kind: 'invalid',
      error: `${HomelabAnnotations.scorecard}: finding ${bad} is not {rule, passed, message, file?} with a known rule`,
    };
  }
  return { kind: 'ok', findings: parsed };
}

/**
 * Why a dependsOn relation exists: the file (and what in it) that names
 * the target.
 *
 * @public
 */
export interface DependencyEvidence {
  /** Entity ref of the dependency, e.g. `resource:default/pg-media`. */
  target: string;
  /** Repo-relative file that names it. */
  file: string;
  /** What in that file, e.g. `host pg-media-rw.database.svc`. */
  reason: string;
}

/**
 * Reads the dependency evidence annotation; malformed values read as none.
 *
 * @public
 */
export function readDependencyEvidence(entity: Entity): DependencyEvidence[] {
  const raw = entity.metadata.annotations?.[HomelabAnnotations.dependencyEvidence];
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter(
          (e): e is DependencyEvidence =>
            typeof e?.target === 'string' && typeof e?.file === 'string' && typeof e?.reason === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
