/**
 * Reads a homelab GitOps repo once into a typed model and checks its
 * conventions. Shared by GitOps discovery and the templates.
 *
 * @packageDocumentation
 */
export * from './snapshot/types';
export type { ParsedDocument } from './model/parseManifests';
export { readLocalRepo } from './snapshot/readLocalRepo';
export { readUrlRepo } from './snapshot/readUrlRepo';
export * from './model/types';
export { parseManifests } from './model/parseManifests';
export { buildRepoModel } from './model/buildRepoModel';
export { ingressHosts } from './model/attachIngresses';
export { HELM_INSTANCE_LABEL } from './model/assignManifests';
export * from './layout';
export {
  evaluateScorecard,
  evaluateResourceScorecard,
  evaluateModelScorecard,
  ALL_SCORECARD_RULES,
} from './scorecard/evaluateScorecard';
export type { ModelScorecard } from './scorecard/evaluateScorecard';
export { scorecardRules } from './scorecard/scorecardRules';
export type { ScorecardRule, ScorecardRuleExample } from './scorecard/types';
export * from './conventions/types';
export { learnConventions } from './conventions/learnConventions';
export { readConventionOverrides } from './conventions/readConventionOverrides';
export { placeApp, kustomizationOf, appDomains } from './placement/placeApp';
export type { AppPlacement, KustomizationEntry } from './placement/placeApp';
export { findDocs } from './docs/findDocs';
export { architecturePagePath } from './docs/architecturePage';
export { fingerprintDocs } from './docs/fingerprintDocs';
export type { DocsLocation } from './docs/findDocs';
export { readRecentChanges } from './history/readRecentChanges';
export type { RecentCommit } from './history/readRecentChanges';
