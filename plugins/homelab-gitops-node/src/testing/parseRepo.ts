import { findVendoredCharts, isChartTemplate } from '../model/findVendoredCharts';
import { parseManifests } from '../model/parseManifests';
import { readArgoApps } from '../model/readArgoApps';
import { snapshotOf } from './snapshotOf';

/** The inputs of the model's steps for a small inline repo (namespaces as written). */
export function parseRepo(files: Record<string, string>) {
  const snapshot = snapshotOf(files);
  const charts = findVendoredCharts(snapshot.files);
  const parsed = parseManifests(snapshot.files.filter(f => !isChartTemplate(f.path, charts)));
  const manifests = parsed.manifests.map(m => ({ ...m, namespace: m.object.metadata.namespace }));
  return {
    paths: snapshot.files.map(f => f.path),
    charts,
    manifests,
    documents: parsed.documents,
    argoApps: readArgoApps(manifests, charts).argoApps,
  };
}

export const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n';

export const argoApp = (name: string, spec: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  destination: {namespace: ns}\n${spec}`;
