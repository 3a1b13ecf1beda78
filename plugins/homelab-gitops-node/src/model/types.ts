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
 * A Helm chart an Argo CD Application installs: from a Helm repository, an
 * OCI registry (`repoURL` may be written without a scheme), or vendored in
 * this repo (`path`, a folder with `Chart.yaml` and `templates/`).
 *
 * @public
 */
export interface HelmChartSource {
  /** As written in the Application. */
  repoURL: string;
  chart: string;
  /** Chart version (or, for a vendored chart, the git revision). */
  targetRevision?: string;
  /** Repo folder of a chart vendored in this repo. */
  path?: string;
  /** `helm.releaseName`, else the Application's name. */
  releaseName: string;
}

/**
 * Helm values an Application gives inline (`helm.values` parsed, or
 * `helm.valuesObject`).
 *
 * @public
 */
export interface InlineHelmValues {
  chart: string;
  value: unknown;
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
  /** Repo paths of its git sources (the `path:` fields), vendored charts included. */
  paths: string[];
  /** Helm chart sources. */
  charts: HelmChartSource[];
  /** Repo files given as Helm `valueFiles` through a `$<ref>` source (or relative to a vendored chart). */
  valueFiles: string[];
  /** Inline Helm values. */
  inlineValues: InlineHelmValues[];
  /** A git source with `directory.recurse: true`. */
  recurse: boolean;
  destinationNamespace?: string;
  /** System named on the Application (annotation `homelab.dev/system`). */
  system?: string;
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
 * `manifest` is the object defining it; for a Helm release, the Argo CD
 * Application installing the chart.
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
  /**
   * Unit whose Argo CD Application deploys it. The deployer is not a
   * consumer: it is never among the resource's dependents.
   */
  deployedBy?: string;
  /** For a data service installed by a Helm chart: the release. */
  helmRelease?: {
    chart: string;
    releaseName: string;
    namespace?: string;
    /** The values files of the release, repo-relative. */
    valueFiles: string[];
  };
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
