/**
 * Entity cards of GitOps discovery: convention scorecard, dependency evidence and deployed-by.
 *
 * @packageDocumentation
 */
export { homelabGitOpsPlugin as default } from './plugin';
export { ConventionScorecard } from './components/ConventionScorecardCard';
export { DependencyEvidenceTable } from './components/DependencyEvidenceCard';
export { DeployedBy } from './components/DeployedByCard';
