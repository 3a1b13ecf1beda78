import type { Config } from '@backstage/config';
import type { ResourceType } from '@internal/plugin-homelab-common';
import { ResourceTypes } from '@internal/plugin-homelab-common';

/**
 * Where apps live and how a directory or file becomes one.
 *
 * @public
 */
export interface AppRootRule {
  /** Repo-relative directory holding apps. */
  root: string;
  /**
   * `directory`: `<root>/<domain>/<app>/` with a kustomization is an app
   * (`<root>/<domain>/<app>/<variant>/` ones become `<app>-<variant>`).
   * `file`: every YAML file below root is an app (several files with the
   * same name up to the first dot, like `x.yaml` and `x.secret.sops.yaml`,
   * are one app).
   */
  unit: 'directory' | 'file';
  /** Domain of the apps: a fixed name, or the first path segment below root when absent. */
  domain?: string;
  /** Directory or file names that are never apps. */
  exclude: string[];
}

/**
 * Which system a repo path belongs to; the first matching rule wins. `*`
 * matches one path segment; `{domain}` in the system is the segment it matched.
 *
 * @public
 */
export interface SystemRule {
  path: string;
  system: string;
}

/**
 * The layout of a GitOps repo. Defaults follow the k8s-homelab-2
 * conventions; another layout is a matter of configuration.
 *
 * @public
 */
export interface GitOpsLayout {
  apps: AppRootRule[];
  /** Domain of platform components. */
  platformDomain: string;
  /** System of an app domain's apps; `{domain}` is replaced. */
  appSystem: string;
  /** Systems of platform components by path. */
  systems: SystemRule[];
  /** System of a platform component no rule matches. */
  defaultPlatformSystem: string;
  /** Domains whose apps are websites rather than services. */
  websiteDomains: string[];
  /**
   * System of each resource type. A type without an entry goes to the system
   * of the component defining it, and failing that to `defaultPlatformSystem`.
   */
  resourceSystems: Partial<Record<ResourceType, string>>;
}

/** @public */
export const DEFAULT_LAYOUT: GitOpsLayout = {
  apps: [{ root: 'cluster/apps', unit: 'directory', exclude: ['shared'] }],
  platformDomain: 'platform',
  appSystem: '{domain}-apps',
  systems: [
    { path: 'cluster/apps/shared', system: 'networking' },
    { path: 'cluster/apps/*/shared', system: '{domain}-apps' },
    { path: 'cluster/platform/base/storage', system: 'storage' },
    { path: 'cluster/platform/base/data', system: 'data' },
    { path: 'cluster/platform/base/networking', system: 'networking' },
    { path: 'cluster/platform/ingress', system: 'networking' },
    { path: 'cluster/platform/base/security', system: 'security' },
    { path: 'cluster/platform/observability', system: 'observability' },
    { path: 'cluster/platform/service-mesh', system: 'service-mesh' },
    { path: 'cluster/platform/backup', system: 'backup' },
    { path: 'cluster/platform/scheduling', system: 'scheduling' },
    { path: 'cluster/platform/base/ai', system: 'scheduling' },
    { path: 'cluster/platform/base/namespaces', system: 'gitops' },
    { path: 'cluster/platform/gitops', system: 'gitops' },
    { path: 'cluster/bootstrap', system: 'gitops' },
  ],
  defaultPlatformSystem: 'platform',
  websiteDomains: ['web'],
  resourceSystems: {
    [ResourceTypes.postgresCluster]: 'data',
    [ResourceTypes.cache]: 'data',
    [ResourceTypes.cephCluster]: 'storage',
    [ResourceTypes.storagePool]: 'storage',
    [ResourceTypes.storageClass]: 'storage',
    [ResourceTypes.secretStore]: 'security',
    [ResourceTypes.ingressClass]: 'networking',
  },
};

const RESOURCE_TYPE_NAMES = new Set<string>(Object.values(ResourceTypes));

/**
 * Reads `layout` of one `homelab.gitops.sources[]` entry over the defaults.
 *
 * @public
 */
export function readGitOpsLayout(config?: Config): GitOpsLayout {
  if (!config) return DEFAULT_LAYOUT;
  const apps = config.getOptionalConfigArray('apps')?.map(c => {
    const unit = c.getOptionalString('unit') ?? 'directory';
    if (unit !== 'directory' && unit !== 'file') {
      throw new Error(`homelab.gitops layout: apps[].unit must be "directory" or "file", got "${unit}"`);
    }
    return {
      root: c.getString('root').replace(/\/+$/, ''),
      unit,
      domain: c.getOptionalString('domain'),
      exclude: c.getOptionalStringArray('exclude') ?? ['shared'],
    } as AppRootRule;
  });
  const systems = config.getOptionalConfigArray('systems')?.map(c => ({
    path: c.getString('path').replace(/\/+$/, ''),
    system: c.getString('system'),
  }));
  return {
    apps: apps ?? DEFAULT_LAYOUT.apps,
    platformDomain: config.getOptionalString('platformDomain') ?? DEFAULT_LAYOUT.platformDomain,
    appSystem: config.getOptionalString('appSystem') ?? DEFAULT_LAYOUT.appSystem,
    systems: systems ?? DEFAULT_LAYOUT.systems,
    defaultPlatformSystem:
      config.getOptionalString('defaultPlatformSystem') ?? DEFAULT_LAYOUT.defaultPlatformSystem,
    websiteDomains: config.getOptionalStringArray('websiteDomains') ?? DEFAULT_LAYOUT.websiteDomains,
    resourceSystems: readResourceSystems(config.getOptionalConfig('resourceSystems')),
  };
}

function readResourceSystems(config?: Config): GitOpsLayout['resourceSystems'] {
  if (!config) return DEFAULT_LAYOUT.resourceSystems;
  const systems: GitOpsLayout['resourceSystems'] = { ...DEFAULT_LAYOUT.resourceSystems };
  for (const type of config.keys()) {
    if (!RESOURCE_TYPE_NAMES.has(type)) {
      throw new Error(
        `homelab.gitops layout: resourceSystems.${type} is not a resource type; known: ${[...RESOURCE_TYPE_NAMES].join(', ')}`,
      );
    }
    systems[type as ResourceType] = config.getString(type);
  }
  return systems;
}

/**
 * The system of a resource: by type, else the defining component's, else the
 * layout's fallback.
 *
 * @public
 */
export function systemForResource(layout: GitOpsLayout, type: ResourceType, definedBySystem?: string): string {
  return layout.resourceSystems[type] ?? definedBySystem ?? layout.defaultPlatformSystem;
}

/**
 * The system of a repo path under the rules, or undefined.
 *
 * @public
 */
export function systemForPath(layout: GitOpsLayout, path: string): string | undefined {
  const segments = path.split('/');
  for (const rule of layout.systems) {
    const pattern = rule.path.split('/');
    if (pattern.length > segments.length) continue;
    let domain: string | undefined;
    const matches = pattern.every((p, i) => {
      if (p === '*') {
        domain = segments[i];
        return true;
      }
      return p === segments[i];
    });
    if (matches) return rule.system.replace('{domain}', domain ?? '');
  }
  return undefined;
}
