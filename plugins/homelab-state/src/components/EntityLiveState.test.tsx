import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { homelabStateApiRef } from '../api/HomelabStateApi';
import type { HomelabStateApi } from '../api/HomelabStateApi';
import { EntityLiveStateContent } from './EntityLiveState';

// The backend's answer for an object that is not deployed yet: no summary, no errors.
const stateApi: HomelabStateApi = {
  getOverview: async () => {
    throw new Error('not asked here');
  },
  getObject: async () => ({ errors: [], observedAt: '2026-11-25T12:00:00.000Z' }),
};

const pgMedia: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'pg-media',
    annotations: {
      [HomelabAnnotations.k8sApiVersion]: 'postgresql.cnpg.io/v1',
      [HomelabAnnotations.k8sKind]: 'Cluster',
      [HomelabAnnotations.k8sNamespace]: 'database',
      [HomelabAnnotations.k8sName]: 'pg-media',
      [HomelabAnnotations.deployedBy]: 'component:default/pg-media-app',
    },
  },
  spec: { type: 'postgres-cluster' },
  relations: [
    { type: 'dependencyOf', targetRef: 'component:default/immich' },
    { type: 'dependencyOf', targetRef: 'component:default/radarr' },
  ],
};

describe('EntityLiveStateContent', () => {
  it('lists the dependsOn consumers as "Used by" and the deployer apart, from its annotation', async () => {
    const { findByText, getByText } = await renderInTestApp(
      <TestApiProvider apis={[[homelabStateApiRef, stateApi]]}>
        <EntityProvider entity={pgMedia}>
          <EntityLiveStateContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await findByText(/was not found in any cluster/)).toBeInTheDocument();
    const usedBy = getByText('Used by:', { exact: false });
    expect(usedBy).toHaveTextContent(/^Used by: immich, radarr$/);
    expect(usedBy).not.toHaveTextContent('pg-media-app');
    expect(getByText('Deployed by:', { exact: false })).toHaveTextContent(/^Deployed by: pg-media-app$/);
  }, 60_000);

  it('does not list the deployer among the consumers even if a relation names it', async () => {
    const both: Entity = { ...pgMedia, relations: [...pgMedia.relations!, { type: 'dependencyOf', targetRef: 'component:default/pg-media-app' }] };
    const { findByText } = await renderInTestApp(
      <TestApiProvider apis={[[homelabStateApiRef, stateApi]]}>
        <EntityProvider entity={both}>
          <EntityLiveStateContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await findByText('Used by:', { exact: false })).toHaveTextContent(/^Used by: immich, radarr$/);
  }, 60_000);
});
