/**
 * Search that finds the homelab's things.
 *
 * @packageDocumentation
 */
export { searchModuleHomelab as default } from './module';
export { homelabEntityTransformer } from './homelabEntityTransformer';
export { ArchitectureCollatorFactory } from './collators/ArchitectureCollatorFactory';
export { architectureSearchDocuments } from './collators/architectureSearchDocument';
export type { ArchitectureSearchDocument } from './collators/architectureSearchDocument';
