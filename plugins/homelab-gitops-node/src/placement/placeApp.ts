import type { GitOpsLayout } from '../layout';
import type { RepoConventions } from '../conventions/types';
import type { RepoModel } from '../model/types';

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * A file a new file must be listed in (a kustomization's `resources`).
 *
 * @public
 */
export interface KustomizationEntry {
  /** The kustomization file to edit. */
  kustomization: string;
  /** The entry to add, relative to the kustomization's folder. */
  entry: string;
}

/**
 * Where the pieces of a new app go.
 *
 * @public
 */
export interface AppPlacement {
  domain: string;
  name: string;
  namespace: string;
  /** Directory of the app's manifests. */
  appDir: string;
  /** File of its Argo CD Application. */
  argoAppFile: string;
  /** File of its Ingress. */
  ingressFile: string;
  /** Kustomization lists that must reference the new files (the app's own kustomization is new, not listed). */
  kustomizationEntries: KustomizationEntry[];
}

/**
 * The kustomization file of a folder, when the repo has one.
 *
 * @public
 */
export function kustomizationOf(model: RepoModel, dir: string): string | undefined {
  return ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map(f => (dir ? `${dir}/${f}` : f))
    .find(f => model.paths.has(f));
}

/**
 * The domains new apps may go into: the layout's app domains present in the repo.
 *
 * @public
 */
export function appDomains(model: RepoModel, conventions: RepoConventions): string[] {
  return [...new Set([...model.units.filter(u => u.layer === 'app').map(u => u.domain), ...Object.keys(conventions.namespaces)])].sort();
}

/**
 * Answers "where does a new app go": its directory, its Argo CD Application
 * file, its ingress file, and which kustomizations must list them. Follows
 * the layout's first directory app root and the learned conventions.
 *
 * @public
 */
export function placeApp(
  model: RepoModel,
  layout: GitOpsLayout,
  conventions: RepoConventions,
  app: { domain: string; name: string; variant?: string },
): AppPlacement {
  const rule = layout.apps.find(r => r.unit === 'directory') ?? layout.apps[0];
  const base = rule.domain ? `${rule.root}/${app.name}` : `${rule.root}/${app.domain}/${app.name}`;
  const appDir = app.variant ? `${base}/${app.variant}` : base;
  const unitName = app.variant ? `${app.name}-${app.variant}` : app.name;
  const argoAppFile = `${conventions.argo.folder}/${conventions.argo.filePattern.replace('{name}', unitName)}`;
  const ingressName = app.variant && app.variant !== 'prod' ? `${app.name}-${app.variant}` : app.name;
  const ingressFile = conventions.ingress.folder
    ? `${conventions.ingress.folder}/${conventions.ingress.filePattern.replace('{app}', ingressName)}`
    : `${appDir}/${conventions.ingress.filePattern.replace('{app}', ingressName)}`;
  const kustomizationEntries: KustomizationEntry[] = [];
  for (const file of [argoAppFile, ingressFile]) {
    const dir = dirOf(file);
    if (dir === appDir) continue;
    const k = kustomizationOf(model, dir);
    if (k) kustomizationEntries.push({ kustomization: k, entry: file.slice(dir.length + 1) });
  }
  return {
    domain: app.domain,
    name: unitName,
    namespace: conventions.namespaces[app.domain] ?? app.domain,
    appDir,
    argoAppFile,
    ingressFile,
    kustomizationEntries,
  };
}
