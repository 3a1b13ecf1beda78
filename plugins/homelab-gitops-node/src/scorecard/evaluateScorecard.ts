import type { ScorecardFinding, ScorecardRuleId } from '@internal/plugin-homelab-common';
import { SCORECARD_RULES } from '@internal/plugin-homelab-common';
import type { RepoModel, RepoResource, RepoUnit } from '../model/types';
import { scorecardRules } from './scorecardRules';

/** @public */
export const ALL_SCORECARD_RULES = Object.keys(SCORECARD_RULES) as ScorecardRuleId[];

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
  return rules.flatMap(rule => scorecardRules[rule].checkUnit(unit, model));
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
  return rules.flatMap(rule => scorecardRules[rule].checkResource?.(resource, model) ?? []);
}

/**
 * The findings of a whole model, by unit and resource name.
 *
 * @public
 */
export interface ModelScorecard {
  units: Map<string, ScorecardFinding[]>;
  resources: Map<string, ScorecardFinding[]>;
}

/**
 * Checks every unit and resource of the model.
 *
 * @public
 */
export function evaluateModelScorecard(model: RepoModel, rules: ScorecardRuleId[] = ALL_SCORECARD_RULES): ModelScorecard {
  return {
    units: new Map(model.units.map(u => [u.name, evaluateScorecard(u, model, rules)])),
    resources: new Map(model.resources.map(r => [r.name, evaluateResourceScorecard(r, model, rules)])),
  };
}
