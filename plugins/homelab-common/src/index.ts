/**
 * The seams between the homelab portal's plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './entityTypes';
export * from './scorecard';
export * from './deployedBy';
export type { RecentComponentChange, RecentChangesResponse } from './recentChanges';
export * from './ingressHosts';
export * from './buildArchitecturePage';
export * from './docsChanged';
