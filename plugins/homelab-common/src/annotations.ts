/**
 * The one annotation prefix of the homelab portal. Every annotation the
 * portal writes or reads is built from it here; no other file spells it.
 *
 * @public
 */
export const HOMELAB_ANNOTATION_PREFIX = 'homelab.dev';

const key = <K extends string>(name: K) =>
  `${HOMELAB_ANNOTATION_PREFIX}/${name}` as const;

/**
 * Annotation keys written by GitOps discovery and read by the other plugins.
 *
 * @public
 */
export const HomelabAnnotations = {
  /** apiVersion of the Kubernetes object the entity stands for. */
  k8sApiVersion: key('k8s-api-version'),
  /** kind of the Kubernetes object the entity stands for. */
  k8sKind: key('k8s-kind'),
  /** namespace of that object (absent for cluster-scoped objects). */
  k8sNamespace: key('k8s-namespace'),
  /** name of that object. */
  k8sName: key('k8s-name'),
  /** Directory of the entity in the GitOps repo, relative to its root. */
  gitopsPath: key('gitops-path'),
  /** The repo source (config id) the entity was discovered from. */
  gitopsSource: key('gitops-source'),
  /** JSON: why each dependsOn relation exists (see DependencyEvidence). */
  dependencyEvidence: key('dependency-evidence'),
  /** JSON: files of the repo discovery could not read, with line and message. */
  gitopsProblems: key('gitops-problems'),
  /** JSON: convention scorecard findings (see ScorecardFinding). */
  scorecard: key('scorecard'),
  /**
   * On a Resource: entity ref of the Component whose Argo CD Application
   * deploys it. Deploying is not depending: consumers keep `dependsOn`.
   */
  deployedBy: key('deployed-by'),
  /**
   * On a Domain or System: the repo's hand-written architecture page, as a
   * path in the docs of the repo Component (named after the GitOps source).
   */
  architectureDoc: key('architecture-doc'),
} as const;

/**
 * Keys the GitOps repo itself may carry (on a kustomization, an Argo CD
 * Application or a manifest) to tell discovery what it cannot infer.
 *
 * @public
 */
export const HomelabRepoAnnotations = {
  /** Owner entity ref of an app; as a label value `group.friends` stands for `group:friends`. */
  owner: key('owner'),
  /** `website` or `service`, overriding what the domain implies. */
  componentType: key('component-type'),
  /** On an Argo CD Application: the system of the platform component it makes. */
  system: key('system'),
} as const;

/**
 * Stock annotations other plugins understand, set by discovery.
 *
 * @public
 */
export const StockAnnotations = {
  kubernetesId: 'backstage.io/kubernetes-id',
  kubernetesLabelSelector: 'backstage.io/kubernetes-label-selector',
  kubernetesNamespace: 'backstage.io/kubernetes-namespace',
  kubernetesCluster: 'backstage.io/kubernetes-cluster',
  argocdAppName: 'argocd/app-name',
  sourceLocation: 'backstage.io/source-location',
  editUrl: 'backstage.io/edit-url',
  techdocsRef: 'backstage.io/techdocs-ref',
  managedByLocation: 'backstage.io/managed-by-location',
  managedByOriginLocation: 'backstage.io/managed-by-origin-location',
} as const;
