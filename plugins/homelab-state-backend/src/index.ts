/**
 * Live cluster state backend of the homelab portal.
 *
 * @packageDocumentation
 */
export { homelabStatePlugin as default } from './plugin';
export { PlatformStateService } from './service/PlatformStateService';
