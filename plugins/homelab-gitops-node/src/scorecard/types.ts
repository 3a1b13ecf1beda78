import type { ScorecardFinding, ScorecardRuleId } from '@internal/plugin-homelab-common';
import type { RepoModel, RepoResource, RepoUnit } from '../model/types';

/**
 * One convention rule: checks a unit (and, for some rules, a resource).
 *
 * @public
 */
export interface ScorecardRule {
  id: ScorecardRuleId;
  checkUnit(unit: RepoUnit, model: RepoModel): ScorecardFinding[];
  checkResource?(resource: RepoResource, model: RepoModel): ScorecardFinding[];
}

/**
 * A small repo that passes or fails a rule, used as documentation and as a
 * test (like the `*.examples.ts` of Backstage's scaffolder actions).
 *
 * @public
 */
export interface ScorecardRuleExample {
  description: string;
  /** Files of the repo by path; read with the default layout. */
  files: Record<string, string>;
  /** The unit or resource checked. */
  subject: { unit: string } | { resource: string };
  /** `passed` of each finding, in order. */
  expected: boolean[];
}
