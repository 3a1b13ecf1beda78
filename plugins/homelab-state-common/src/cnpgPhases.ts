import type { Severity } from './objects';

/**
 * What a CloudNativePG Cluster phase means for the people running it.
 *
 * @public
 */
export interface CnpgPhaseMeaning {
  severity: Severity;
  /** The operator is moving the cluster somewhere; it should settle by itself. */
  progressing: boolean;
  /** One line a person can act on. */
  explanation: string;
}

/**
 * Every `status.phase` string of the CloudNativePG 1.2x API
 * (`api/v1/cluster_types.go`, the `Phase*` constants), plus the one
 * earlier releases wrote for a failed upgrade. Keys are the exact strings the
 * operator writes.
 *
 * @public
 */
export const CNPG_PHASES: Readonly<Record<string, CnpgPhaseMeaning>> = {
  'Cluster in healthy state': {
    severity: 'ok',
    progressing: false,
    explanation: 'Every instance is up and the operator has nothing to do.',
  },
  'Setting up primary': {
    severity: 'warning',
    progressing: true,
    explanation: 'The first primary is being created (bootstrap, initdb or recovery).',
  },
  'Creating a new replica': {
    severity: 'warning',
    progressing: true,
    explanation: 'A replica is being cloned from the primary; redundancy is reduced until it joins.',
  },
  'Switchover in progress': {
    severity: 'warning',
    progressing: true,
    explanation: 'A planned change of primary is under way; writes pause briefly.',
  },
  'Failing over': {
    severity: 'error',
    progressing: true,
    explanation: 'The primary was lost and a replica is being promoted; writes fail until it finishes.',
  },
  'Upgrading cluster': {
    severity: 'warning',
    progressing: true,
    explanation: 'A rolling update of the instances (image or configuration) is under way.',
  },
  'Upgrading Postgres major version': {
    severity: 'warning',
    progressing: true,
    explanation: 'An offline major-version upgrade is running; the database is down until it ends.',
  },
  'Cluster upgrade delayed': {
    severity: 'warning',
    progressing: false,
    explanation: 'An update is pending but held back by the operator configuration (e.g. a maintenance window).',
  },
  'Waiting for user action': {
    severity: 'warning',
    progressing: false,
    explanation: 'A supervised update waits for someone to promote or restart the primary (kubectl cnpg promote/restart).',
  },
  'Primary instance is being restarted in-place': {
    severity: 'warning',
    progressing: true,
    explanation: 'The primary restarts in place to apply a change; writes pause during the restart.',
  },
  'Primary instance is being restarted without a switchover': {
    severity: 'warning',
    progressing: true,
    explanation: 'The primary is recreated without switching over (primaryUpdateMethod: restart); writes pause.',
  },
  'Cluster cannot proceed to reconciliation due to an unknown plugin being required': {
    severity: 'error',
    progressing: false,
    explanation: 'The cluster names a CNPG-i plugin that is not loaded; install or register the plugin.',
  },
  'Cluster cannot proceed to reconciliation due to an error while interacting with plugins': {
    severity: 'error',
    progressing: false,
    explanation: 'A CNPG-i plugin call failed; check the plugin and operator logs.',
  },
  'Cluster has incomplete or invalid image catalog': {
    severity: 'error',
    progressing: false,
    explanation: 'The referenced ImageCatalog has no image for the requested major version.',
  },
  'Cluster is unrecoverable and needs manual intervention': {
    severity: 'error',
    progressing: false,
    explanation: 'The operator gave up (e.g. no usable primary or PVCs); follow the CNPG troubleshooting guide.',
  },
  'Cluster cannot execute instance online upgrade due to missing architecture binary': {
    severity: 'error',
    progressing: false,
    explanation: 'The operator image lacks the instance-manager binary for a node architecture.',
  },
  'Waiting for the instances to become active': {
    severity: 'warning',
    progressing: true,
    explanation: 'Some instance Pods are not active yet (scheduling, pulling, or crash-looping).',
  },
  'Online upgrade in progress': {
    severity: 'warning',
    progressing: true,
    explanation: 'The instance manager is being replaced inside the running Pods.',
  },
  'Applying configuration': {
    severity: 'warning',
    progressing: true,
    explanation: 'The instances are applying a changed PostgreSQL configuration.',
  },
  'Promoting to primary cluster': {
    severity: 'warning',
    progressing: true,
    explanation: 'This replica cluster is being promoted to a primary cluster.',
  },
  'Unable to create required cluster objects': {
    severity: 'error',
    progressing: false,
    explanation: 'The operator could not create Services, Secrets, PVCs or Pods; see phaseReason and its RBAC/quota.',
  },
  'Cluster upgrade failed': {
    severity: 'error',
    progressing: false,
    explanation: 'Written by early releases when a rolling update failed; check the operator logs.',
  },
};

/**
 * The meaning of a phase string; one the table does not know is `unknown`
 * (or `error` when it says it failed), never silently `ok`.
 *
 * @public
 */
export function cnpgPhaseMeaning(phase: string | undefined): CnpgPhaseMeaning | undefined {
  if (!phase) return undefined;
  const known = CNPG_PHASES[phase];
  if (known) return known;
  const failed = /fail|error|unable|cannot/i.test(phase);
  return {
    severity: failed ? 'error' : 'unknown',
    progressing: false,
    explanation: `Phase "${phase}" is not one this portal knows; check the operator documentation.`,
  };
}
