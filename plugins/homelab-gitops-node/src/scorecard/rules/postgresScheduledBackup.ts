import type { ScorecardFinding } from '@internal/plugin-homelab-common';
import { group } from '../../model/k8s';
import type { ParsedManifest, RepoModel } from '../../model/types';
import { describeManifest } from '../manifestFacts';
import { modelIndex } from '../modelIndex';
import type { ScorecardRule } from '../types';

const isCnpgCluster = (m: ParsedManifest) => group(m.object.apiVersion) === 'postgresql.cnpg.io' && m.object.kind === 'Cluster';

function backupFinding(cluster: ParsedManifest, model: RepoModel): ScorecardFinding {
  const backup = modelIndex(model).firstReferring('scheduledBackup', cluster.namespace, cluster.object.metadata.name);
  return {
    rule: 'postgres-scheduled-backup',
    passed: !!backup,
    message: backup
      ? `${describeManifest(cluster)} is backed up on schedule ${backup.object.spec?.schedule} by ${describeManifest(backup)}`
      : `${describeManifest(cluster)} has no ScheduledBackup: add one next to ${cluster.file.split('/').pop()}`,
    file: backup?.file ?? cluster.file,
  };
}

/** Every CloudNativePG cluster has a ScheduledBackup; checked on its component and on its resource. */
export const postgresScheduledBackup: ScorecardRule = {
  id: 'postgres-scheduled-backup',
  checkUnit: (unit, model) => unit.manifests.filter(isCnpgCluster).map(c => backupFinding(c, model)),
  checkResource: (resource, model) => (isCnpgCluster(resource.manifest) ? [backupFinding(resource.manifest, model)] : []),
};
