import { isWorkload } from '../model/k8s';
import type { ParsedManifest, RepoUnit } from '../model/types';

/** `Kind name`, how findings name a manifest. */
export const describeManifest = (m: ParsedManifest) => `${m.object.kind} ${m.object.metadata.name}`;

export const workloadsOf = (unit: RepoUnit) => unit.manifests.filter(m => isWorkload(m.object));

export const replicasOf = (m: ParsedManifest): number =>
  m.object.kind === 'Deployment' || m.object.kind === 'StatefulSet' ? m.object.spec?.replicas ?? 1 : 1;
