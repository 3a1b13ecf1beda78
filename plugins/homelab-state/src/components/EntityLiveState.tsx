import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations, StockAnnotations } from '@internal/plugin-homelab-common';
import { stateKindOf } from '@internal/plugin-homelab-state-common';
import { Typography } from '@material-ui/core';
import { homelabStateApiRef } from '../api/HomelabStateApi';
import type { ObjectState } from '../api/HomelabStateApi';
import { ArgoApplicationView } from './ArgoApplicationView';
import { CephClusterView } from './CephClusterView';
import { CnpgClusterView } from './CnpgClusterView';
import { EnrichmentNote, ObservedAtContext, SeverityChip, StateErrors, usePolling, age } from './common';
import { RayClusterView, RayJobView, RayServiceView } from './RayViews';

const REFRESH_MS = 30_000;

/** Which object an entity stands for, from the annotations discovery writes. */
export function objectOfEntity(entity: Entity) {
  const a = entity.metadata.annotations ?? {};
  const kind = stateKindOf(a[HomelabAnnotations.k8sApiVersion], a[HomelabAnnotations.k8sKind]);
  const name = a[HomelabAnnotations.k8sName];
  if (!kind || !name) return undefined;
  return { kind, name, namespace: a[HomelabAnnotations.k8sNamespace], cluster: a[StockAnnotations.kubernetesCluster] };
}

function Body({ state }: { state: ObjectState }) {
  switch (state.kind) {
    case 'cnpg-cluster':
      return (
        <CnpgClusterView
          summary={state.summary}
          replicationLagSeconds={state.enrichment?.replicationLagSeconds}
          walArchiver={state.enrichment?.walArchiver}
        />
      );
    case 'ceph-cluster':
      return <CephClusterView summary={state.summary} enrichment={state.enrichment?.ceph} />;
    case 'ceph-block-pool':
    case 'ceph-filesystem':
    case 'ceph-object-store': {
      const p = state.summary;
      return (
        <Typography variant="body1">
          <SeverityChip severity={p.severity} label={p.phase ?? 'unknown'} /> {p.kind} {p.name}
          {p.message ? ` — ${p.message}` : ''}
        </Typography>
      );
    }
    case 'ray-cluster':
      return <RayClusterView summary={state.summary} dashboard={state.enrichment?.rayDashboard} />;
    case 'ray-service':
      return <RayServiceView summary={state.summary} dashboard={state.enrichment?.rayDashboard} />;
    case 'ray-job':
      return <RayJobView summary={state.summary} />;
    case 'argo-application':
      return <ArgoApplicationView summary={state.summary} />;
    default:
      return null;
  }
}

/** Live state of one object; errors and absence are said, never blank. */
export function LiveObjectState(props: { kindId: string; namespace?: string; name: string; cluster?: string }) {
  const api = useApi(homelabStateApiRef);
  const { kindId, namespace, name, cluster } = props;
  const { value, error, loading } = usePolling(
    () => api.getObject(kindId, namespace, name, cluster),
    REFRESH_MS,
    [kindId, namespace, name, cluster],
  );
  if (!value && loading) return <Progress />;
  if (!value && error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const observedAt = new Date(value.observedAt);
  return (
    <ObservedAtContext.Provider value={observedAt}>
      <StateErrors errors={value.errors} fetchedAt={value.fetchedAt} />
      {value.summary !== undefined && (
        <EnrichmentNote
          title={kindId.startsWith('ray-') ? 'Ray dashboard figures are not shown' : 'Some Prometheus figures are not shown'}
          error={value.enrichment?.error}
        />
      )}
      {value.summary ? (
        <>
          <Body state={value} />
          <Typography variant="caption" display="block" style={{ marginTop: 8 }}>
            cluster {value.cluster} · read {age(value.fetchedAt, observedAt)}
          </Typography>
        </>
      ) : (
        value.errors.length === 0 && (
          <Typography variant="body2">
            {`${namespace ? `${namespace}/` : ''}${name} was not found in any cluster; is it deployed yet?`}
          </Typography>
        )
      )}
    </ObservedAtContext.Provider>
  );
}

/** Entity tab: live state of the Kubernetes object the entity stands for. */
export function EntityLiveStateContent() {
  const { entity } = useEntity();
  const obj = objectOfEntity(entity);
  if (!obj) return <Typography>This entity names no Kubernetes object the portal reads.</Typography>;
  // Who relies on it: dependsOn consumers only. The Argo CD app that deploys
  // it is named apart, from its annotation; deploying is not using.
  const deployedBy = entity.metadata.annotations?.[HomelabAnnotations.deployedBy];
  const dependents = (entity.relations ?? [])
    .filter(r => r.type === 'dependencyOf' && r.targetRef !== deployedBy)
    .map(r => r.targetRef);
  return (
    <InfoCard title={`Live state: ${obj.kind.kind} ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}`}>
      <LiveObjectState kindId={obj.kind.id} namespace={obj.namespace} name={obj.name} cluster={obj.cluster} />
      {dependents.length > 0 && (
        <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
          Used by:{' '}
          {dependents.map((ref, i) => (
            <span key={ref}>
              {i > 0 && ', '}
              <EntityRefLink entityRef={ref} hideIcon />
            </span>
          ))}
        </Typography>
      )}
      {deployedBy && (
        <Typography variant="body2" component="div" style={{ marginTop: 8 }}>
          Deployed by: <EntityRefLink entityRef={deployedBy} hideIcon />
        </Typography>
      )}
    </InfoCard>
  );
}

/** Entity card: the Argo CD Application that deploys this component. */
export function EntityArgoCard() {
  const { entity } = useEntity();
  const app = entity.metadata.annotations?.[StockAnnotations.argocdAppName];
  if (!app) return null;
  return (
    <InfoCard title={`Argo CD: ${app}`}>
      <LiveObjectState kindId="argo-application" name={app} cluster={entity.metadata.annotations?.[StockAnnotations.kubernetesCluster]} />
    </InfoCard>
  );
}
