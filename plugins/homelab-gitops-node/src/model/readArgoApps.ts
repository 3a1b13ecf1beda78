import { HomelabRepoAnnotations } from '@internal/plugin-homelab-common';
import { parse } from 'yaml';
import { group } from './k8s';
import { normalizeRepoPath } from './repoPaths';
import type { VendoredChart } from './findVendoredCharts';
import type { ArgoApp, HelmChartSource, InlineHelmValues, ParsedManifest, RepoProblem } from './types';

export const isArgoApplication = (m: ParsedManifest) =>
  group(m.object.apiVersion) === 'argoproj.io' && m.object.kind === 'Application';

/**
 * Reads what one Argo CD Application deploys, in all the source shapes real
 * repos use: one `source` or several `sources`; Helm charts from a Helm
 * repo, an OCI registry or a folder of this repo; value files through a
 * `$<ref>` source (with or without its own `path`); inline values.
 */
export function readArgoApp(
  m: ParsedManifest,
  vendoredCharts: VendoredChart[],
): { app: ArgoApp; problems: RepoProblem[] } {
  const spec = m.object.spec ?? {};
  const sources: any[] = Array.isArray(spec.sources) ? spec.sources : [spec.source].filter(Boolean);
  const name = m.object.metadata.name;
  const problems: RepoProblem[] = [];
  // `$values/x.yaml` names a file of the source carrying `ref: values`; only
  // refs into a git repo can be followed, and the only git repo read is this one.
  const refs = new Set(sources.filter(s => typeof s?.ref === 'string').map(s => s.ref as string));
  const paths: string[] = [];
  const charts: HelmChartSource[] = [];
  const valueFiles: string[] = [];
  const inlineValues: InlineHelmValues[] = [];
  for (const s of sources) {
    if (!s || typeof s !== 'object') continue;
    const path = typeof s.path === 'string' ? normalizeRepoPath(s.path) : undefined;
    if (path !== undefined) paths.push(path);
    const vendored = path !== undefined ? vendoredCharts.find(c => c.path === path) : undefined;
    const helm = s.helm ?? {};
    const releaseName = typeof helm.releaseName === 'string' ? helm.releaseName : name;
    if (typeof s.chart === 'string') {
      charts.push({ repoURL: String(s.repoURL ?? ''), chart: s.chart, targetRevision: s.targetRevision, releaseName });
    } else if (vendored) {
      charts.push({
        repoURL: String(s.repoURL ?? ''),
        chart: vendored.name,
        targetRevision: vendored.version ?? s.targetRevision,
        path: vendored.path,
        releaseName,
      });
    } else if (!s.helm) {
      continue;
    }
    const chart = typeof s.chart === 'string' ? s.chart : vendored?.name ?? path ?? name;
    for (const f of Array.isArray(helm.valueFiles) ? helm.valueFiles : []) {
      if (typeof f !== 'string') continue;
      const ref = f.match(/^\$([^/]+)\/(.+)$/);
      if (ref && refs.has(ref[1])) valueFiles.push(normalizeRepoPath(ref[2]));
      else if (!ref && vendored) valueFiles.push(normalizeRepoPath(`${vendored.path}/${f}`));
    }
    if (typeof helm.values === 'string') {
      try {
        const value = parse(helm.values);
        if (value !== null && value !== undefined) inlineValues.push({ chart, value });
      } catch (e) {
        problems.push({
          file: m.file,
          line: m.line,
          message: `Application ${name}: helm.values of chart ${chart} is not YAML: ${(e as Error).message.split('\n')[0]}`,
        });
      }
    } else if (helm.values && typeof helm.values === 'object') {
      inlineValues.push({ chart, value: helm.values });
    }
    if (helm.valuesObject && typeof helm.valuesObject === 'object') inlineValues.push({ chart, value: helm.valuesObject });
  }
  const system = m.object.metadata.annotations?.[HomelabRepoAnnotations.system];
  return {
    app: {
      name,
      namespace: m.object.metadata.namespace,
      file: m.file,
      project: spec.project,
      paths,
      charts,
      valueFiles,
      inlineValues,
      recurse: sources.some(s => s?.directory?.recurse === true),
      destinationNamespace: spec.destination?.namespace,
      ...(system ? { system } : {}),
    },
    problems,
  };
}

/** Every Argo CD Application of the repo, read. */
export function readArgoApps(
  manifests: ParsedManifest[],
  vendoredCharts: VendoredChart[],
): { argoApps: ArgoApp[]; problems: RepoProblem[] } {
  const read = manifests.filter(isArgoApplication).map(m => readArgoApp(m, vendoredCharts));
  return { argoApps: read.map(r => r.app), problems: read.flatMap(r => r.problems) };
}
