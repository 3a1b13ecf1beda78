import type { FetchResponse, KubernetesFetchError } from '@backstage/plugin-kubernetes-common';
import type {
  FetchResponseWrapper,
  KubernetesFetcher,
  ObjectFetchParams,
  ObjectToFetch,
} from '@backstage/plugin-kubernetes-node';
import type { KubeObject, ObjectKind } from '@internal/plugin-homelab-state-common';
import { STATE_KINDS } from '@internal/plugin-homelab-state-common';
import type { ObjectSource } from '@internal/plugin-homelab-state-node';
import { StateReadError } from '@internal/plugin-homelab-state-node';
import { labelSelectorMatcher } from './labelSelectorMatcher';

// The object kinds the stock plugin asks for by default, by plural. Secrets
// are left out on purpose: the portal never reads them, recorded or live.
const STOCK_KINDS: Record<string, string> = {
  pods: 'Pod',
  services: 'Service',
  configmaps: 'ConfigMap',
  limitranges: 'LimitRange',
  resourcequotas: 'ResourceQuota',
  persistentvolumes: 'PersistentVolume',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  horizontalpodautoscalers: 'HorizontalPodAutoscaler',
  jobs: 'Job',
  cronjobs: 'CronJob',
  ingresses: 'Ingress',
};

/**
 * The Kubernetes plugin's fetcher, answered from the recorded cluster: the
 * same objects, read by the same reader, that the homelab-state views show.
 * Objects are selected like the API server would: by the entity's label
 * selector and, when the entity names one, its namespace.
 *
 * @public
 */
export class RecordedKubernetesFetcher implements KubernetesFetcher {
  constructor(private readonly source: ObjectSource) {}

  async fetchObjectsForService(params: ObjectFetchParams): Promise<FetchResponseWrapper> {
    const cluster = params.clusterDetails.name;
    let matches: ReturnType<typeof labelSelectorMatcher>;
    try {
      matches = labelSelectorMatcher(params.labelSelector);
    } catch (e) {
      return { errors: [{ errorType: 'FETCH_ERROR', message: (e as Error).message }], responses: [] };
    }
    const wanted: ObjectToFetch[] = [...params.objectTypesToFetch, ...params.customResources];
    const results = await Promise.all(
      wanted.map(async (toFetch): Promise<FetchResponse | KubernetesFetchError> => {
        const kind = recordedKindOf(toFetch);
        if (!kind) {
          return { errorType: 'FETCH_ERROR', message: `The recorded cluster ${cluster} has no ${toFetch.plural}.${toFetch.group || 'core'} objects` };
        }
        let objects: KubeObject[];
        try {
          objects = await this.source.list(cluster, kind);
        } catch (e) {
          // A kind nobody recorded is one with no objects, as an empty list
          // from a live cluster would be; anything else (an unreadable or
          // malformed recording) is shown on the tab with its message.
          if (e instanceof StateReadError && e.error.type === 'not-installed') objects = [];
          else return { errorType: 'FETCH_ERROR', message: (e as Error).message };
        }
        const resources = objects.filter(
          o => (!params.namespace || o.metadata.namespace === params.namespace) && matches(o.metadata.labels),
        );
        return { type: toFetch.objectType, resources } as FetchResponse;
      }),
    );
    return {
      errors: results.filter((r): r is KubernetesFetchError => 'errorType' in r),
      responses: results.filter((r): r is FetchResponse => 'resources' in r),
    };
  }

  async fetchPodMetricsByNamespaces(): Promise<FetchResponseWrapper> {
    // A recording holds no metrics; the recorded cluster skips the lookup.
    return { errors: [], responses: [] };
  }
}

function recordedKindOf(toFetch: ObjectToFetch): ObjectKind | undefined {
  const version = toFetch.apiVersion;
  if (toFetch.objectType !== 'customresources') {
    const kind = STOCK_KINDS[toFetch.plural];
    return kind ? { id: toFetch.plural, group: toFetch.group, version, plural: toFetch.plural, kind } : undefined;
  }
  return Object.values(STATE_KINDS).find(k => k.group === toFetch.group && k.plural === toFetch.plural);
}
