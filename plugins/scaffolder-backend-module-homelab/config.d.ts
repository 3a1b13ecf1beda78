export interface Config {
  homelab?: {
    /**
     * Values new apps get instead of what is learned from the repo's
     * existing apps. Every key is optional; learned values fill the rest.
     */
    conventions?: {
      /** Argo CD Application values. `project` may hold `{domain}`. */
      argo?: {
        repoURL?: string;
        targetRevision?: string;
        project?: string;
        destinationServer?: string;
        syncWave?: string;
        /** Namespace of the Application objects (where Argo CD runs). */
        namespace?: string;
      };
      /** Hostnames of new apps must end with it. */
      baseDomain?: string;
      /** The internet-facing and the LAN-only IngressClass. */
      ingressClasses?: { public?: string; restricted?: string };
      /** cert-manager ClusterIssuer for TLS. */
      tlsIssuer?: string;
      /** External Secrets store of new ExternalSecrets. */
      secretStore?: { kind?: string; name?: string };
      /** Vault key of an app's secret; `{domain}` and `{app}` are replaced. */
      vaultKeyPattern?: string;
      /** StorageClass of new volumes. */
      storageClass?: string;
      /** Ray workloads: extended resource name of a GPU (e.g. nvidia.com/gpu). */
      ray?: { gpuResource?: string };
    };
  };
}
