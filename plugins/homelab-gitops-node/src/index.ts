/**
 * Reads a homelab GitOps repo once into a typed model and checks its
 * conventions. Shared by GitOps discovery and the templates.
 *
 * @packageDocumentation
 */
export * from './snapshot/types';
export { readLocalRepo } from './snapshot/readLocalRepo';
export { readUrlRepo } from './snapshot/readUrlRepo';
export * from './model/types';
export { parseManifests } from './model/parseManifests';
export { buildRepoModel, ingressHosts } from './model/buildRepoModel';
export * from './layout';
export { evaluateScorecard, evaluateResourceScorecard, ALL_SCORECARD_RULES } from './scorecard/evaluateScorecard';
export { findDocs } from './docs/findDocs';
export type { DocsLocation } from './docs/findDocs';
