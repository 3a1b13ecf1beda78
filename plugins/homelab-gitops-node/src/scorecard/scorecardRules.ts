import type { ScorecardRuleId } from '@internal/plugin-homelab-common';
import { argoApplication } from './rules/argoApplication';
import { argoPathExists } from './rules/argoPathExists';
import { autoscaler } from './rules/autoscaler';
import { imagePinned } from './rules/imagePinned';
import { ingressTls } from './rules/ingressTls';
import { nonRoot } from './rules/nonRoot';
import { pdbForReplicas } from './rules/pdbForReplicas';
import { postgresScheduledBackup } from './rules/postgresScheduledBackup';
import { pvcBackedUp } from './rules/pvcBackedUp';
import { resourcesSet } from './rules/resourcesSet';
import type { ScorecardRule } from './types';

/**
 * Every rule, by the id declared in homelab-common. Typed as a full record,
 * so a rule declared there and not implemented here does not compile.
 *
 * @public
 */
export const scorecardRules: Record<ScorecardRuleId, ScorecardRule> = {
  'image-pinned': imagePinned,
  'resources-set': resourcesSet,
  'pdb-for-replicas': pdbForReplicas,
  autoscaler,
  'pvc-backed-up': pvcBackedUp,
  'postgres-scheduled-backup': postgresScheduledBackup,
  'ingress-tls': ingressTls,
  'non-root': nonRoot,
  'argo-application': argoApplication,
  'argo-path-exists': argoPathExists,
};
