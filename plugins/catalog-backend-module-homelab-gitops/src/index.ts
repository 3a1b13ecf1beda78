/**
 * Catalogs a homelab GitOps repo with no catalog-info.yaml per app.
 *
 * @packageDocumentation
 */
export { catalogModuleHomelabGitOps as default } from './module';
export { GitOpsEntityProvider } from './provider/GitOpsEntityProvider';
export type { RefreshResult } from './provider/GitOpsEntityProvider';
export { modelToEntities } from './provider/modelToEntities';
export { readGitOpsSources } from './provider/GitOpsSource';
export type { GitOpsSource } from './provider/GitOpsSource';
export { catalogModuleHomelabOrg } from './org/module';
export { HomelabOrgEntityProvider } from './org/HomelabOrgEntityProvider';
export { readOrgConfig } from './org/readOrgConfig';
