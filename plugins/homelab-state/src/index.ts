/**
 * Live cluster state of the homelab: entity tabs and cards, platform overview.
 *
 * @packageDocumentation
 */
export { homelabStatePlugin as default } from './plugin';
export { homelabStateApiRef, HomelabStateClient } from './api/HomelabStateApi';
export type { HomelabStateApi, ObjectState } from './api/HomelabStateApi';
export { PlatformOverviewContent, BackupAgeChart } from './components/PlatformOverviewPage';
