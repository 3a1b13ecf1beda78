import type { ScorecardRuleExample } from '../types';
import { APP_DIR, appKustomization } from './exampleManifests';

const pvc = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: app-data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';
const replicationSource = (namespace: string) =>
  `apiVersion: volsync.backube/v1alpha1\nkind: ReplicationSource\nmetadata:\n  name: app-data\n  namespace: ${namespace}\nspec:\n  sourcePVC: app-data\n`;

export const examples: ScorecardRuleExample[] = [
  {
    description: 'A PVC with a VolSync ReplicationSource in its namespace passes',
    files: { ...appKustomization, [`${APP_DIR}/pvc.yaml`]: pvc, [`${APP_DIR}/replicationsource.yaml`]: replicationSource('demo') },
    subject: { unit: 'app' },
    expected: [true],
  },
  {
    description: 'A ReplicationSource for a PVC of the same name in another namespace does not count',
    files: { ...appKustomization, [`${APP_DIR}/pvc.yaml`]: pvc, [`${APP_DIR}/replicationsource.yaml`]: replicationSource('other') },
    subject: { unit: 'app' },
    expected: [false],
  },
];
