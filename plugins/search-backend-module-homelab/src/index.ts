/**
 * Search that finds the homelab's things.
 *
 * @packageDocumentation
 */
export { searchModuleHomelab as default } from './module';
export { homelabEntityTransformer } from './homelabEntityTransformer';
