export interface Config {
  homelab?: {
    state?: {
      /**
       * Where live state comes from: `kubernetes` (the clusters of
       * kubernetes.clusterLocatorMethods, type config, read directly),
       * `kubernetes-proxy` (every cluster the Kubernetes plugin locates, read
       * through its proxy with this plugin's service token, so every locator
       * and every server-side auth provider works) or `recorded` (a folder of
       * `kubectl get -A -o yaml` dumps). Default: kubernetes.
       */
      source?: 'kubernetes' | 'kubernetes-proxy' | 'recorded';
      recorded?: {
        /** Folder of recordings, relative to the backend's working directory. */
        path: string;
        /** Cluster name the recordings stand for. Default: homelab. */
        clusterName?: string;
        /** When the recordings were taken (RFC 3339); ages such as backup age are computed as of then. */
        recordedAt?: string;
      };
      /** Seconds a list result is served from memory. Default 30. */
      cacheTtlSeconds?: number;
      /**
       * Seconds past cacheTtlSeconds a list is still served at once while it
       * is reloaded in the background, so no request waits for the cluster
       * at a TTL boundary. 0: requests wait for the reload. Default: the TTL.
       */
      serveStaleSeconds?: number;
      /** Seconds one list call may take. Default 10. */
      requestTimeoutSeconds?: number;
      /**
       * Serve /overview from bytes derived and serialised once per change of
       * the lists it is built from, with an ETag (unchanged polls get 304).
       * False derives it on every request: only the benchmark's baseline
       * wants that. Default true.
       */
      serializedOverview?: boolean;
      /** A last successful Postgres backup older than this many hours is stale. Default 26. */
      staleBackupHours?: number;
      /**
       * Optional Prometheus that scrapes the Ceph mgr module and CloudNativePG;
       * when set, OSDs, PG states, pool usage, client IOPS and replication lag
       * are added to the live state. Unset: none of it is shown.
       */
      prometheus?: {
        /** Base URL, e.g. http://prometheus-operated.monitoring.svc:9090. */
        url: string;
      };
      /**
       * Optional enrichment of ray-cluster (jobs) and ray-service (Serve
       * applications) states from the Ray dashboard of the RayCluster's head
       * service, at http://<status.head.serviceName>.<namespace>.svc.cluster.local:<port>.
       * Off by default.
       */
      rayDashboard?: {
        /** Default false. */
        enabled?: boolean;
        /** Dashboard port on the head service. Default 8265. */
        port?: number;
      };
    };
  };
}
