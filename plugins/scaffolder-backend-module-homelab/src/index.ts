/**
 * Scaffolder actions that plan, write and publish a new app into a homelab
 * GitOps repo, following the conventions learned from the repo.
 *
 * @packageDocumentation
 */
export { scaffolderModuleHomelab as default } from './module';
export { createHomelabAppPlanAction } from './actions/appPlan';
export { createHomelabAppWriteAction } from './actions/appWrite';
export { createHomelabGitopsPublishLocalAction } from './actions/gitopsPublishLocal';
export { createHomelabVaultWriteAction } from './actions/vaultWrite';
export { VaultKvClient } from './source/VaultKvClient';
export { GitOpsSources, GitOpsSourceUnavailableError } from './source/GitOpsSources';
export type { RepoContext } from './source/RepoContext';
export { planApp } from './plan/planApp';
export type { AppPlan } from './plan/planApp';
export type { AppKind, AppRequest } from './plan/AppRequest';
export { validateAppRequest } from './plan/validateAppRequest';
