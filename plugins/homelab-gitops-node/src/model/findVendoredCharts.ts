import { parse } from 'yaml';
import type { RepoFile } from '../snapshot/types';
import { dirOf, isUnder } from './repoPaths';

/**
 * A Helm chart kept in the repo: a folder with `Chart.yaml` and `templates/`.
 */
export interface VendoredChart {
  /** Repo folder of the chart. */
  path: string;
  name: string;
  version?: string;
}

/**
 * Finds the charts vendored in the repo. Their `templates/` hold Go
 * templates, not YAML: {@link isChartTemplate} tells the parser to skip them
 * without calling them broken.
 */
export function findVendoredCharts(files: RepoFile[]): VendoredChart[] {
  const paths = files.map(f => f.path);
  const charts: VendoredChart[] = [];
  for (const file of files.filter(f => /(^|\/)Chart\.ya?ml$/.test(f.path))) {
    const path = dirOf(file.path);
    if (!paths.some(p => isUnder(p, `${path ? `${path}/` : ''}templates`))) continue;
    let meta: any;
    try {
      meta = parse(file.content);
    } catch {
      meta = undefined;
    }
    charts.push({
      path,
      name: typeof meta?.name === 'string' ? meta.name : path.split('/').pop() ?? path,
      version: typeof meta?.version === 'string' ? meta.version : undefined,
    });
  }
  return charts.sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a file is a template (or a packaged subchart's file) of a vendored chart. */
export function isChartTemplate(path: string, charts: VendoredChart[]): boolean {
  return charts.some(c => {
    const base = c.path ? `${c.path}/` : '';
    return isUnder(path, `${base}templates`) || isUnder(path, `${base}charts`);
  });
}
