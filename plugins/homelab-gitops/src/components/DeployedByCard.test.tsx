import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DeployedBy } from './DeployedByCard';

const resource = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'valkey-cache', annotations },
  spec: { type: 'cache' },
});

describe('DeployedBy', () => {
  it('names the deploying component as a link', async () => {
    const { findByText } = await renderInTestApp(
      <DeployedBy entity={resource({ [HomelabAnnotations.deployedBy]: 'component:default/valkey-cache' })} />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await findByText(/Deployed by/)).toBeInTheDocument();
    expect((await findByText('valkey-cache')).closest('a')).toHaveAttribute('href', '/catalog/default/component/valkey-cache');
  });

  it('says so when nothing deploys it', async () => {
    const { getByText } = await renderInTestApp(<DeployedBy entity={resource({})} />);
    expect(getByText('No Argo CD Application in the repo deploys this.')).toBeInTheDocument();
  });
});
