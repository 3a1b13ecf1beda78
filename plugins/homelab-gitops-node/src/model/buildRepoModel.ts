import type { GitOpsLayout } from '../layout';
import type { RepoSnapshot } from '../snapshot/types';
import { assignManifests } from './assignManifests';
import { attachIngresses } from './attachIngresses';
import { classifyResources } from './classifyResources';
import { findDependencies } from './findDependencies';
import { findUnits } from './findUnits';
import { findVendoredCharts, isChartTemplate } from './findVendoredCharts';
import { parseManifests } from './parseManifests';
import { readArgoApps } from './readArgoApps';
import { dirOf } from './repoPaths';
import type { ParsedManifest, RepoModel } from './types';


/** Each manifest with the namespace its nearest kustomization gives it. */
function withNamespaces(manifests: ParsedManifest[]): ParsedManifest[] {
  const byDir = new Map<string, string>();
  for (const m of manifests) {
    const ns = (m.object as { namespace?: unknown }).namespace;
    if (m.object.kind === 'Kustomization' && typeof ns === 'string') byDir.set(dirOf(m.file), ns);
  }
  return manifests.map(m => {
    if (m.object.metadata.namespace) return { ...m, namespace: m.object.metadata.namespace };
    for (let dir = dirOf(m.file); ; dir = dirOf(dir)) {
      const ns = byDir.get(dir);
      if (ns) return { ...m, namespace: ns };
      if (dir === '') return m;
    }
  });
}

/**
 * Builds the repo model from a snapshot: parse once, then find units,
 * assign manifests, attach ingresses, classify resources and find
 * dependencies, each a step of its own.
 *
 * @public
 */
export function buildRepoModel(snapshot: RepoSnapshot, layout: GitOpsLayout): RepoModel {
  const vendoredCharts = findVendoredCharts(snapshot.files);
  // Chart templates are Go templates: not YAML, and not broken either.
  const parsed = parseManifests(snapshot.files.filter(f => !isChartTemplate(f.path, vendoredCharts)));
  const manifests = withNamespaces(parsed.manifests);
  const { argoApps, problems: argoProblems } = readArgoApps(manifests, vendoredCharts);
  const paths = snapshot.files.map(f => f.path);

  const found = findUnits(layout, paths, manifests, argoApps, vendoredCharts);
  const assigned = assignManifests(found, manifests, layout);
  const routed = attachIngresses(assigned, manifests);
  const resources = classifyResources(routed, manifests, layout);
  const units = findDependencies(routed, resources, parsed.documents).map(u => u.unit);

  const skipped = (snapshot.skipped ?? []).map(s => ({ file: s.path, message: s.reason }));
  const docs = paths.filter(p => /(^|\/)mkdocs\.ya?ml$/.test(p)).map(dirOf);
  return {
    units,
    resources,
    argoApps,
    manifests,
    paths: new Set(paths),
    problems: [...skipped, ...parsed.problems, ...argoProblems],
    docs,
  };
}
