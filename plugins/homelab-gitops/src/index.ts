/**
 * Entity cards of GitOps discovery: convention scorecard and dependency evidence.
 *
 * @packageDocumentation
 */
export { homelabGitOpsPlugin as default } from './plugin';
export { ConventionScorecard } from './components/ConventionScorecardCard';
export { DependencyEvidenceTable } from './components/DependencyEvidenceCard';
