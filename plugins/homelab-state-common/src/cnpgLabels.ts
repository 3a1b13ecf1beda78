import type { CnpgClusterSummary } from './cnpg';
import type { Severity } from './objects';

/** A word for a state and how it reads: one chip in the UI. @public */
export interface StateLabel {
  severity: Severity;
  label: string;
}

/**
 * The chips that name a Postgres cluster's state, the same on the platform
 * overview and the cluster's own page: its severity, then the intentional
 * states that explain it (hibernated, a replica cluster and its source) and
 * whether the operator is moving it.
 *
 * @public
 */
export function cnpgStateLabels(s: Pick<CnpgClusterSummary, 'severity' | 'hibernated' | 'progressing' | 'replica'>): StateLabel[] {
  const labels: StateLabel[] = [{ severity: s.severity, label: s.severity }];
  if (s.hibernated) labels.push({ severity: 'unknown', label: 'hibernated' });
  if (s.progressing && !s.hibernated) labels.push({ severity: 'unknown', label: 'progressing' });
  if (s.replica) labels.push({ severity: 'unknown', label: `replica of ${s.replica.source ?? 'an external cluster'}` });
  return labels;
}

const EXEMPTION_LABELS = { replica: 'not judged: replica cluster', hibernated: 'not judged: hibernated' } as const;

/**
 * How a cluster's backups read: fresh is fine, stale or none is a warning,
 * and a cluster not meant to take backups is neither (grey, with the reason).
 *
 * @public
 */
export function cnpgBackupLabel(s: Pick<CnpgClusterSummary, 'backupFreshness' | 'backupExemption'>): StateLabel {
  switch (s.backupFreshness) {
    case 'fresh':
      return { severity: 'ok', label: 'fresh' };
    case 'not-applicable':
      return { severity: 'unknown', label: s.backupExemption ? EXEMPTION_LABELS[s.backupExemption] : 'not judged' };
    default:
      return { severity: 'warning', label: s.backupFreshness };
  }
}
