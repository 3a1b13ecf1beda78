/**
 * Architecture pages of domains and systems, derived from the catalog.
 *
 * @packageDocumentation
 */
export { homelabArchitecturePlugin as default } from './plugin';
