import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  homelab?: {
    gitops?: {
      /** Owner of everything a repo does not give another owner. Default: group:admins. */
      owner?: string;
      /** GitOps repos to catalog. */
      sources?: Array<{
        /** Stable id; names the provider and the repo's own catalog entity. */
        id: string;
        /** A local directory (relative to the backend's working directory). One of path or url. */
        path?: string;
        /** A repo URL read through the integrations, e.g. https://github.com/me/homelab/tree/main. */
        url?: string;
        /** Where people browse the repo, for source links of a local path (e.g. https://github.com/me/homelab/tree/main). */
        browseUrl?: string;
        /** Refresh schedule. Default: every 5 minutes, 3 minute timeout. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Value of backstage.io/kubernetes-cluster on every entity (when there are several clusters). */
        kubernetesCluster?: string;
        /**
         * Files larger than this many bytes are skipped, unread, with one
         * warning naming the file and its size. Default 4194304 (4 MiB).
         */
        maxFileSizeBytes?: number;
        /** Layout rules; defaults follow the k8s-homelab-2 conventions (see docs). */
        layout?: {
          apps?: Array<{ root: string; unit?: 'directory' | 'file'; domain?: string; exclude?: string[] }>;
          platformDomain?: string;
          appSystem?: string;
          systems?: Array<{ path: string; system: string }>;
          defaultPlatformSystem?: string;
          websiteDomains?: string[];
          /** System of each resource type, e.g. { cache: data }; merged over the defaults. */
          resourceSystems?: {
            'postgres-cluster'?: string;
            cache?: string;
            'ceph-cluster'?: string;
            'storage-pool'?: string;
            'storage-class'?: string;
            'secret-store'?: string;
            'ingress-class'?: string;
            'ray-cluster'?: string;
            'ray-service'?: string;
            'ray-job'?: string;
          };
        };
        scorecard?: {
          /** Rules to check; default all. */
          rules?: Array<
            | 'image-pinned'
            | 'resources-set'
            | 'pdb-for-replicas'
            | 'autoscaler'
            | 'pvc-backed-up'
            | 'postgres-scheduled-backup'
            | 'ingress-tls'
            | 'non-root'
            | 'argo-application'
            | 'argo-path-exists'
          >;
        };
      }>;
    };
    /**
     * Users and groups declared in config (module catalogModuleHomelabOrg),
     * beside or instead of an org file. Names must not also be in an org file.
     */
    org?: {
      /**
       * Groups by name; each becomes a Group entity of type team, and each
       * name in its members a User entity that is memberOf it.
       */
      groups?: {
        [name: string]: {
          displayName?: string;
          email?: string;
          members?: string[];
        };
      };
      /** Profiles of users by name; a user declared here and in no group is a member of none. */
      users?: {
        [name: string]: {
          displayName?: string;
          email?: string;
        };
      };
    };
  };
}
