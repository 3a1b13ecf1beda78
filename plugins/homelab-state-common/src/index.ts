/**
 * Live cluster state: kinds, summaries and pure status derivations.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './objects';
export * from './errors';
export * from './ceph';
export * from './cnpg';
export * from './cnpgPhases';
export * from './cnpgLabels';
export * from './ray';
export * from './argo';
export * from './overview';
export * from './stateKindHandlers';
export * from './prometheus';
export * from './rayDashboard';
export * from './permissions';
