import { HomelabRepoAnnotations } from '@internal/plugin-homelab-common';
import type { GitOpsLayout } from '../layout';
import type { FoundUnit } from './findUnits';
import { isWorkload } from './k8s';
import { UnitIndex } from './UnitIndex';
import type { ParsedManifest, RepoUnit } from './types';

/** The label Helm charts put on everything of a release (and Argo CD tracks by default). */
export const HELM_INSTANCE_LABEL = 'app.kubernetes.io/instance';

/** Owner entity ref named in the repo (annotation or label on a kustomization or manifest). */
export function ownerOf(manifests: ParsedManifest[]): string | undefined {
  const key = HomelabRepoAnnotations.owner;
  for (const m of manifests) {
    const o = m.object as any;
    const candidates = [
      o.metadata?.annotations?.[key],
      o.metadata?.labels?.[key],
      o.commonAnnotations?.[key],
      o.commonLabels?.[key],
      ...(Array.isArray(o.labels) ? o.labels.map((l: any) => l?.pairs?.[key]) : []),
    ];
    const found = candidates.find(c => typeof c === 'string' && c.length > 0);
    if (found) {
      // Label values cannot hold ':' or '/': `group.friends` stands for group:friends.
      if (found.includes(':')) return found;
      const dot = found.indexOf('.');
      return dot > 0 ? `${found.slice(0, dot)}:${found.slice(dot + 1)}` : `user:${found}`;
    }
  }
  return undefined;
}

/**
 * How to find the unit's pods: the labels every one of its workloads selects
 * on (so an app of several Deployments, like a server and its worker, shows
 * them all), else its main workload's `matchLabels`, or, when a Helm chart
 * renders the workload, the release's instance label.
 */
function labelSelectorOf(unit: RepoUnit, manifests: ParsedManifest[]): string | undefined {
  const workloads = manifests.filter(m => isWorkload(m.object));
  const selectors = workloads.map(w => (w.object.spec?.selector?.matchLabels ?? {}) as Record<string, string>);
  const common = Object.entries(selectors[0] ?? {}).filter(([k, v]) => selectors.every(s => s[k] === v));
  const main = workloads.find(w => w.object.metadata.name === unit.name) ?? workloads[0];
  const mainLabels = Object.entries((main?.object.spec?.selector?.matchLabels ?? {}) as Record<string, string>);
  const matchLabels = common.length > 0 ? common : mainLabels;
  if (matchLabels.length > 0) {
    return matchLabels.map(([k, v]) => `${k}=${v}`).join(',');
  }
  const charts = unit.argoApps.flatMap(a => a.charts);
  const release = (charts.find(c => c.releaseName === unit.name) ?? charts[0])?.releaseName;
  return release ? `${HELM_INSTANCE_LABEL}=${release}` : undefined;
}

/**
 * Step 2 of the model: every manifest goes to the unit owning its file,
 * which then knows its owner, namespace, type and workload selector.
 */
export function assignManifests(units: FoundUnit[], manifests: ParsedManifest[], layout: GitOpsLayout): FoundUnit[] {
  const byUnit = new Map<FoundUnit, ParsedManifest[]>(units.map(u => [u, []]));
  const index = new UnitIndex(units);
  for (const m of manifests) {
    const owner = index.unitOfFile(m.file);
    if (owner) byUnit.get(owner)!.push(m);
  }
  return units.map(found => {
    const own = byUnit.get(found)!;
    const unit = found.unit;
    const kustomization = own.find(m => m.object.kind === 'Kustomization')?.object;
    const typeOverride = kustomization?.metadata?.annotations?.[HomelabRepoAnnotations.componentType];
    const namespace =
      own.find(m => m.namespace && m.object.kind !== 'Application')?.namespace ?? unit.argoApps[0]?.destinationNamespace;
    const labelSelector = labelSelectorOf(unit, own);
    return {
      ...found,
      unit: {
        ...unit,
        manifests: own,
        owner: ownerOf(own),
        website: typeOverride ? typeOverride === 'website' : unit.layer === 'app' && layout.websiteDomains.includes(unit.domain),
        ...(namespace ? { namespace } : {}),
        ...(labelSelector ? { labelSelector } : {}),
      },
    };
  });
}
