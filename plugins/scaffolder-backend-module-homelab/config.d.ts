export interface Config {
  homelab?: {
    /**
     * Optional: lets templates write missing properties of an app's secret to
     * Vault KV v2 (action homelab:vault:write). Without it the task output only
     * names the keys to create.
     */
    vault?: {
      /** Vault address, e.g. http://vault.vault.svc:8200. */
      url: string;
      /**
       * A token whose policy allows create/read/update on the KV mount below
       * allowedPrefix only.
       * @visibility secret
       */
      token: string;
      /** KV v2 mount. Default: kv. */
      mount?: string;
      /** Keys the action may write. Default: apps/. */
      allowedPrefix?: string;
    };
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
