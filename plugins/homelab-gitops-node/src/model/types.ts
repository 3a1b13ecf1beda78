import type { ResourceType } from '@internal/plugin-homelab-common';

/**
 * A Kubernetes object as written in the repo (only the fields discovery
 * reads are typed; the rest is kept).
 *
 * @public
 */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  [key: string]: unknown;
}

/**
 * An object and where it was found.
 *
 * @public
 */
export interface ParsedManifest {
  object: ManifestObject;
  /** Repo-relative file. */
  file: string;
  /** 1-based line of the document's start. */
  line: number;
  /** Namespace after the nearest kustomization's `namespace:` is applied. */
  namespace?: string;
}

/**
 * Something in the repo discovery could not read; reported, never fatal.
 *
 * @public
 */
export interface RepoProblem {
  file: string;
  line?: number;
  message: string;
}

/**
 * An Argo CD Application and what it deploys.
 *
 * @public
 */
export interface ArgoApp {
  name: string;
  namespace?: string;
  file: string;
  project?: string;
  /** Repo paths of its git sources (the `path:` fields). */
  paths: string[];
  /** Helm chart sources. */
  charts: Array<{ repoURL: string; chart: string; targetRevision?: string }>;
  destinationNamespace?: string;
}

/**
 * Why a unit depends on something.
 *
 * @public
 */
export interface Dependency {
  /** Entity name of the dependency (a resource discovered in the repo). */
  target: string;
  targetType: ResourceType;
  file: string;
  reason: string;
}

/**
 * A deployable unit: an app or a platform component.
 *
 * @public
 */
export interface RepoUnit {
  /** Entity name, unique in the repo. */
  name: string;
  /** `app` for friends' and owners' apps, `platform` for shared components. */
  layer: 'app' | 'platform';
  domain: string;
  system: string;
  /** Directory (or, for file units, the file) in the repo. */
  path: string;
  /** `directory` units own every file below `path`; `file` units own one file. */
  unit: 'directory' | 'file';
  /** Main namespace of its objects. */
  namespace?: string;
  /** Owner entity ref named in the repo, if any. */
  owner?: string;
  manifests: ParsedManifest[];
  argoApps: ArgoApp[];
  /** Ingress objects routed to this unit's Services, wherever they live. */
  ingresses: ParsedManifest[];
  hosts: string[];
  dependencies: Dependency[];
  /** Label selector of its main workload, `k=v,k2=v2`. */
  labelSelector?: string;
  website: boolean;
}

/**
 * A data, storage, secret, ingress or Ray resource defined in the repo.
 *
 * @public
 */
export interface RepoResource {
  name: string;
  type: ResourceType;
  system: string;
  domain: string;
  manifest: ParsedManifest;
  /** Names the apps use to reach it (hostnames, service names). */
  aliases: string[];
  /** Unit whose directory defines it, if any. */
  definedBy?: string;
}

/**
 * The whole repo, parsed once.
 *
 * @public
 */
export interface RepoModel {
  units: RepoUnit[];
  resources: RepoResource[];
  argoApps: ArgoApp[];
  manifests: ParsedManifest[];
  /** Files by path, to check what exists. */
  paths: Set<string>;
  problems: RepoProblem[];
  /** Directories holding docs (a mkdocs.yml), repo-relative. */
  docs: string[];
}
