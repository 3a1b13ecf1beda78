import type { ScorecardRuleExample } from '../types';
import { argoApplication } from './exampleManifests';

const DIR = 'cluster/platform/base/data/pg-app';
const files = (backupOf?: string) => ({
  ...argoApplication(DIR),
  [`${DIR}/kustomization.yaml`]: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: database\nresources: []\n',
  [`${DIR}/cluster.yaml`]: 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: pg-app\nspec:\n  instances: 2\n',
  ...(backupOf
    ? {
        [`${DIR}/backup.yaml`]: `apiVersion: postgresql.cnpg.io/v1\nkind: ScheduledBackup\nmetadata:\n  name: pg-app-daily\nspec:\n  schedule: "0 0 3 * * *"\n  cluster: {name: ${backupOf}}\n`,
      }
    : {}),
});

export const examples: ScorecardRuleExample[] = [
  { description: 'A Cluster with a ScheduledBackup passes, on its resource', files: files('pg-app'), subject: { resource: 'pg-app' }, expected: [true] },
  { description: 'A Cluster with a ScheduledBackup passes, on its component', files: files('pg-app'), subject: { unit: 'app' }, expected: [true] },
  { description: 'A Cluster without one fails', files: files(), subject: { resource: 'pg-app' }, expected: [false] },
  { description: 'A ScheduledBackup of another cluster does not count', files: files('pg-other'), subject: { resource: 'pg-app' }, expected: [false] },
];
