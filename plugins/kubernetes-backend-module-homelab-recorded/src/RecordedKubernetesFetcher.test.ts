import type { ObjectFetchParams, ObjectToFetch } from '@backstage/plugin-kubernetes-node';
import { RecordedObjectsSource } from '@internal/plugin-homelab-state-node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RecordedClusterSupplier } from './RecordedClusterSupplier';
import { RecordedKubernetesFetcher } from './RecordedKubernetesFetcher';

const snapshot = resolve(__dirname, '../../../examples/cluster-snapshot');

// What the stock plugin asks for by default (DEFAULT_OBJECTS in kubernetes-backend).
const defaults: ObjectToFetch[] = [
  { group: '', apiVersion: 'v1', plural: 'pods', objectType: 'pods' },
  { group: '', apiVersion: 'v1', plural: 'services', objectType: 'services' },
  { group: '', apiVersion: 'v1', plural: 'configmaps', objectType: 'configmaps' },
  { group: '', apiVersion: 'v1', plural: 'limitranges', objectType: 'limitranges' },
  { group: '', apiVersion: 'v1', plural: 'resourcequotas', objectType: 'resourcequotas' },
  { group: 'apps', apiVersion: 'v1', plural: 'deployments', objectType: 'deployments' },
  { group: 'apps', apiVersion: 'v1', plural: 'replicasets', objectType: 'replicasets' },
  { group: 'autoscaling', apiVersion: 'v2', plural: 'horizontalpodautoscalers', objectType: 'horizontalpodautoscalers' },
  { group: 'batch', apiVersion: 'v1', plural: 'jobs', objectType: 'jobs' },
  { group: 'batch', apiVersion: 'v1', plural: 'cronjobs', objectType: 'cronjobs' },
  { group: 'networking.k8s.io', apiVersion: 'v1', plural: 'ingresses', objectType: 'ingresses' },
  { group: 'apps', apiVersion: 'v1', plural: 'statefulsets', objectType: 'statefulsets' },
  { group: 'apps', apiVersion: 'v1', plural: 'daemonsets', objectType: 'daemonsets' },
];

async function fetchFor(folder: string, labelSelector: string | undefined, namespace?: string, objectTypes = defaults) {
  const [clusterDetails] = await new RecordedClusterSupplier({ name: 'homelab', folder }).getClusters();
  const params: ObjectFetchParams = {
    serviceId: 'x',
    clusterDetails,
    credential: { type: 'anonymous' },
    objectTypesToFetch: new Set(objectTypes),
    labelSelector,
    customResources: [],
    namespace,
  };
  const result = await new RecordedKubernetesFetcher(new RecordedObjectsSource(folder, 'homelab')).fetchObjectsForService(params);
  const names = Object.fromEntries(
    result.responses.map(r => [r.type, (r.resources as Array<{ metadata: { namespace: string; name: string } }>).map(o => `${o.metadata.namespace}/${o.metadata.name}`).sort()]),
  );
  return { errors: result.errors, names, result };
}

const none = { configmaps: [], limitranges: [], resourcequotas: [], horizontalpodautoscalers: [], jobs: [], cronjobs: [], ingresses: [], statefulsets: [], daemonsets: [] };

describe('RecordedKubernetesFetcher', () => {
  it('returns exactly the recorded objects of an app, by label selector and namespace', async () => {
    const { errors, names } = await fetchFor(snapshot, 'app.kubernetes.io/name=immich', 'media');
    expect(errors).toEqual([]);
    expect(names).toEqual({
      ...none,
      pods: ['media/immich-machine-learning-wtb6cxs9t4-vl7jl', 'media/immich-server-gpp59kfxvz-8rvdn', 'media/immich-server-gpp59kfxvz-cw6ng'],
      services: ['media/immich-machine-learning', 'media/immich-server'],
      deployments: ['media/immich-machine-learning', 'media/immich-server'],
      replicasets: ['media/immich-machine-learning-wtb6cxs9t4', 'media/immich-server-gpp59kfxvz'],
    });
  });

  it('serves the objects as recorded, crash-looping container included', async () => {
    const { result } = await fetchFor(snapshot, 'app.kubernetes.io/name=immich,app.kubernetes.io/component=machine-learning', 'media');
    const pods = result.responses.find(r => r.type === 'pods')!.resources as any[];
    expect(pods.map(p => p.status.containerStatuses.map((c: any) => [c.name, c.ready, c.state.waiting?.reason]))).toEqual([
      [['immich-machine-learning', false, 'CrashLoopBackOff']],
    ]);
  });

  it('finds nothing for another namespace or a selector nothing carries', async () => {
    expect((await fetchFor(snapshot, 'app.kubernetes.io/name=immich', 'productivity')).names).toEqual({ ...none, pods: [], services: [], deployments: [], replicasets: [] });
    expect((await fetchFor(snapshot, 'app.kubernetes.io/name=uptime-kuma')).names).toEqual({ ...none, pods: [], services: [], deployments: [], replicasets: [] });
  });

  it('selects across namespaces when the entity names none', async () => {
    const { names } = await fetchFor(snapshot, 'app.kubernetes.io/name in (jellyfin,vaultwarden)');
    expect(names.deployments).toEqual(['media/jellyfin', 'productivity/vaultwarden']);
    expect(names.services).toEqual(['media/jellyfin', 'media/jellyfin-lb', 'productivity/vaultwarden']);
  });

  it('never reads Secrets, and says so', async () => {
    const { errors, names } = await fetchFor(snapshot, 'a=b', undefined, [{ group: '', apiVersion: 'v1', plural: 'secrets', objectType: 'secrets' }]);
    expect(names).toEqual({});
    expect(errors).toEqual([{ errorType: 'FETCH_ERROR', message: 'The recorded cluster homelab has no secrets.core objects' }]);
  });

  it('names the file and line of a malformed recording and an unreadable selector', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-k8s-'));
    writeFileSync(join(dir, 'pods.yaml'), 'apiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: x\n');
    const pods = defaults.filter(d => d.plural === 'pods');
    const broken = await fetchFor(dir, 'a=b', undefined, pods);
    expect(broken.names).toEqual({});
    expect(broken.errors).toEqual([{ errorType: 'FETCH_ERROR', message: expect.stringMatching(/pods\.yaml:\d+ is not valid YAML/) }]);
    const selector = await fetchFor(snapshot, 'a in b', undefined, pods);
    expect(selector.errors).toEqual([{ errorType: 'FETCH_ERROR', message: 'Cannot read label selector requirement "a in b"' }]);
  });
});
