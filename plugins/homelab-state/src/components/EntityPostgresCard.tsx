import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { ResourceTypes } from '@internal/plugin-homelab-common';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { homelabStateApiRef } from '../api/HomelabStateApi';
import type { ObjectState } from '../api/HomelabStateApi';
import { objectOfEntity } from './EntityLiveState';
import { age, SeverityChip, StateErrors } from './common';

/**
 * Entity card on an app: the Postgres clusters it depends on, compact.
 * Shows nothing when the app uses no Postgres cluster.
 */
export function EntityPostgresCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const stateApi = useApi(homelabStateApiRef);
  const refs = (entity.relations ?? []).filter(r => r.type === 'dependsOn' && r.targetRef.startsWith('resource:')).map(r => r.targetRef);
  const { value, loading, error } = useAsync(async () => {
    if (refs.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
    const clusters = items.filter(e => e && e.spec?.type === ResourceTypes.postgresCluster);
    return Promise.all(
      clusters.map(async e => {
        const obj = objectOfEntity(e!);
        const state: ObjectState = obj
          ? await stateApi.getObject(obj.kind.id, obj.namespace, obj.name, obj.cluster)
          : { errors: [], observedAt: new Date().toISOString() };
        return { entity: e!, state };
      }),
    );
  }, [refs.join(',')]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.length === 0) return null;
  return (
    <InfoCard title="Postgres">
      {value.map(({ entity: pg, state }) => {
        const s = state.kind === 'cnpg-cluster' ? state.summary : undefined;
        return (
          <Box key={pg.metadata.name} mb={1}>
            <StateErrors errors={state.errors} fetchedAt={state.fetchedAt} />
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <EntityRefLink entityRef={pg} />
              {s ? (
                <>
                  <SeverityChip severity={s.severity} />
                  <Typography variant="body2">
                    {s.readyInstances}/{s.instances} ready · backup {age(s.lastSuccessfulBackup, new Date(state.observedAt))}
                  </Typography>
                </>
              ) : (
                <Typography variant="body2">no live state</Typography>
              )}
            </Box>
            {s?.problems.map(p => (
              <Typography key={p} variant="body2" color="error">
                {p}
              </Typography>
            ))}
          </Box>
        );
      })}
    </InfoCard>
  );
}
