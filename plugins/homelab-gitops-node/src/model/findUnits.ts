import type { AppRootRule, GitOpsLayout } from '../layout';
import { systemForPath } from '../layout';
import type { VendoredChart } from './findVendoredCharts';
import { isWorkload } from './k8s';
import { dirOf, isUnder } from './repoPaths';
import { UnitIndex } from './UnitIndex';
import type { ArgoApp, ParsedManifest, RepoUnit } from './types';

/** The files a unit owns: these files, and everything in or below these folders ('' is the whole repo). */
export interface UnitScope {
  files: string[];
  dirs: string[];
}

/** A unit before its manifests are assigned, and which files are its own. */
export interface FoundUnit {
  unit: RepoUnit;
  owns: (file: string) => boolean;
  /** What `owns` answers, as data, so a {@link UnitIndex} can look owners up by path. */
  scope: UnitScope;
}

/** `owns` and `scope` of a unit, from the same data. */
function ownership(scope: UnitScope): Pick<FoundUnit, 'owns' | 'scope'> {
  const files = new Set(scope.files);
  return { scope, owns: f => files.has(f) || scope.dirs.some(d => isUnder(f, d)) };
}

type Placed = Pick<RepoUnit, 'name' | 'layer' | 'domain' | 'system' | 'path' | 'unit' | 'argoApps'>;

const emptyUnit = (u: Placed): RepoUnit => ({ ...u, manifests: [], ingresses: [], hosts: [], dependencies: [], website: false });

const below = (rule: AppRootRule, path: string) => isUnder(path, rule.root) && path !== rule.root;
const domainBelow = (rule: AppRootRule, path: string) => rule.domain ?? path.slice(rule.root.length + 1).split('/')[0];

interface LayoutUnit {
  name: string;
  domain: string;
  path: string;
  unit: 'directory' | 'file';
  files?: string[];
}

/** The units the app roots define, before Argo apps are looked at. */
function findLayoutUnits(layout: GitOpsLayout, paths: string[], kustomizationDirs: Set<string>): LayoutUnit[] {
  const units: LayoutUnit[] = [];
  const variantsByDir = new Map<string, string[]>();
  for (const k of kustomizationDirs) variantsByDir.set(dirOf(k), [...(variantsByDir.get(dirOf(k)) ?? []), k]);
  for (const rule of layout.apps) {
    const inRoot = paths.filter(p => below(rule, p));
    if (rule.unit === 'directory') {
      const appDirs = new Set<string>();
      for (const p of inRoot) {
        const segs = p.slice(rule.root.length + 1).split('/');
        if (segs.length >= 3) appDirs.add(segs.slice(0, 2).join('/'));
      }
      for (const rel of [...appDirs].sort()) {
        const [domain, app] = rel.split('/');
        if (rule.exclude.includes(domain) || rule.exclude.includes(app)) continue;
        const dir = `${rule.root}/${rel}`;
        const d = rule.domain ?? domain;
        if (kustomizationDirs.has(dir)) {
          units.push({ name: app, domain: d, path: dir, unit: 'directory' });
          continue;
        }
        // No kustomization of its own: variants below it (prod/staging) are the apps.
        for (const variant of [...(variantsByDir.get(dir) ?? [])].sort()) {
          units.push({ name: `${app}-${variant.slice(dir.length + 1)}`, domain: d, path: variant, unit: 'directory' });
        }
      }
    } else {
      const groups = new Map<string, string[]>();
      for (const p of inRoot.filter(f => /\.ya?ml$/i.test(f))) {
        const base = p.split('/').pop()!;
        const name = base.split('.')[0];
        if (rule.exclude.includes(name) || rule.exclude.includes(base)) continue;
        const key = `${dirOf(p)}/${name}`;
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const [key, files] of [...groups.entries()].sort()) {
        units.push({
          name: key.split('/').pop()!,
          domain: domainBelow(rule, key),
          path: files.find(f => f.split('/').pop()!.split('.').length === 2) ?? files[0],
          unit: 'file',
          files,
        });
      }
    }
  }
  return units;
}

/** Whether an Argo app deploys a layout unit: by path, recursion, or a values file in its folder. */
function deploys(app: ArgoApp, unit: LayoutUnit): boolean {
  const dir = unit.unit === 'directory' ? unit.path : dirOf(unit.path);
  return (
    app.paths.some(p => dir === p || (app.recurse && isUnder(unit.path, p))) ||
    (unit.unit === 'directory' && app.valueFiles.some(f => dirOf(f) === unit.path))
  );
}

/**
 * The Argo apps that may deploy a layout unit, in their order, found by the
 * unit's path rather than by asking every app: a superset of those
 * {@link deploys} accepts.
 */
function appsThatMayDeploy(argoApps: ArgoApp[]): (unit: LayoutUnit) => ArgoApp[] {
  const byPath = new Map<string, number[]>();
  const byValueDir = new Map<string, number[]>();
  const recursive: number[] = [];
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(i);
  };
  argoApps.forEach((a, i) => {
    for (const p of a.paths) add(byPath, p, i);
    for (const f of a.valueFiles) add(byValueDir, dirOf(f), i);
    if (a.recurse) recursive.push(i);
  });
  return unit => {
    const dir = unit.unit === 'directory' ? unit.path : dirOf(unit.path);
    const hits = new Set([...(byPath.get(dir) ?? []), ...(byValueDir.get(unit.path) ?? []), ...recursive]);
    return [...hits].sort((a, b) => a - b).map(i => argoApps[i]);
  };
}

/** A component for an Argo app that deploys no layout unit: a platform piece, or an app whose folder is gone. */
function unitOfArgoApp(
  app: ArgoApp,
  layout: GitOpsLayout,
  paths: string[],
  vendoredCharts: VendoredChart[],
): FoundUnit {
  const gitPaths = app.paths.filter(p => !vendoredCharts.some(c => c.path === p));
  const valueDirs = app.valueFiles.map(dirOf);
  const location = gitPaths[0] ?? valueDirs[0];
  if (location === undefined) {
    // Helm only: the Application file is all the repo holds of it.
    return {
      unit: emptyUnit({
        name: app.name,
        layer: 'platform',
        domain: layout.platformDomain,
        system: app.system ?? layout.defaultPlatformSystem,
        path: app.file,
        unit: 'file',
        argoApps: [app],
      }),
      ...ownership({ files: [app.file], dirs: [] }),
    };
  }
  const owned = ownership({ files: [], dirs: [...gitPaths, ...valueDirs] });
  const appRule = layout.apps.find(r => below(r, location));
  const stale = !paths.some(p => isUnder(p, location));
  if (appRule && stale) {
    const domain = domainBelow(appRule, location);
    return {
      unit: emptyUnit({
        name: app.name,
        layer: 'app',
        domain,
        system: layout.appSystem.replace('{domain}', domain),
        path: location,
        unit: 'directory',
        argoApps: [app],
      }),
      ...owned,
    };
  }
  const system = app.system ?? systemForPath(layout, location) ?? layout.defaultPlatformSystem;
  const appDomain = appRule ? domainBelow(appRule, location) : undefined;
  const domain = appDomain && system === layout.appSystem.replace('{domain}', appDomain) ? appDomain : layout.platformDomain;
  return {
    unit: emptyUnit({ name: app.name, layer: 'platform', domain, system, path: location, unit: 'directory', argoApps: [app] }),
    ...owned,
  };
}

/**
 * Step 1 of the model: the deployable units. App folders (or files) come
 * from the layout, each with the Argo apps deploying it; every other Argo
 * app is a platform component.
 */
export function findUnits(
  layout: GitOpsLayout,
  paths: string[],
  manifests: ParsedManifest[],
  argoApps: ArgoApp[],
  vendoredCharts: VendoredChart[],
): FoundUnit[] {
  const kustomizationDirs = new Set(manifests.filter(m => m.object.kind === 'Kustomization').map(m => dirOf(m.file)));
  const layoutUnits = findLayoutUnits(layout, paths, kustomizationDirs);
  const deployers = appsThatMayDeploy(argoApps);
  const found: FoundUnit[] = layoutUnits.map(u => ({
    unit: emptyUnit({
      name: u.name,
      layer: 'app',
      domain: u.domain,
      system: layout.appSystem.replace('{domain}', u.domain),
      path: u.path,
      unit: u.unit,
      argoApps: deployers(u).filter(a => deploys(a, u)),
    }),
    ...ownership(u.files ? { files: u.files, dirs: [] } : { files: [], dirs: [u.path] }),
  }));
  const used = new Set(found.flatMap(f => f.unit.argoApps));
  const names = new Set(found.map(f => f.unit.name));
  for (const app of argoApps.filter(a => !used.has(a))) {
    const f = unitOfArgoApp(app, layout, paths, vendoredCharts);
    const name = names.has(f.unit.name) ? `${f.unit.name}-argo` : f.unit.name;
    names.add(name);
    found.push({ ...f, unit: { ...f.unit, name } });
  }
  // A file unit with neither workload nor Service (a RuntimeClass, a SOPS
  // secret on its own) is configuration, not an app.
  const index = new UnitIndex(found);
  const runsSomething = new Set<FoundUnit>();
  for (const m of manifests) {
    if (m.object.kind !== 'Kustomization' && (isWorkload(m.object) || m.object.kind === 'Service')) {
      for (const owner of index.owners(m.file)) runsSomething.add(owner);
    }
  }
  return found.filter(f => f.unit.layer !== 'app' || f.unit.unit !== 'file' || runsSomething.has(f));
}
