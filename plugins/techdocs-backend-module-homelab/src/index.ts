/**
 * TechDocs from a GitOps repo as it is.
 *
 * @packageDocumentation
 */
export { techdocsModuleHomelab as default } from './module';
export { HomelabDocsPreparer } from './preparer/HomelabDocsPreparer';
export { prepareDocsCopy } from './preparer/prepareDocsCopy';
export type { PrepareDocsCopyOptions, PreparedDocsCopy } from './preparer/prepareDocsCopy';
export { DocsPrebuilder } from './prebuild/DocsPrebuilder';
export type { DocsPrebuilderOptions, PrebuildResult } from './prebuild/DocsPrebuilder';
export { subscribeDocsPrebuild } from './prebuild/subscribeDocsPrebuild';
