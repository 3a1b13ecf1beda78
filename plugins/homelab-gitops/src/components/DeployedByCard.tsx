import { InfoCard } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { readDeployedBy } from '@internal/plugin-homelab-common';
import { Typography } from '@material-ui/core';

/** Which component's Argo CD Application deploys this resource (not a consumer of it). */
export function DeployedBy({ entity }: { entity: Entity }) {
  const ref = readDeployedBy(entity);
  if (!ref) return <Typography variant="body2">No Argo CD Application in the repo deploys this.</Typography>;
  return (
    <Typography variant="body2">
      Deployed by <EntityRefLink entityRef={ref} />, whose Argo CD Application installs it. Apps that use it are
      listed as its dependents.
    </Typography>
  );
}

/** Entity card: the deployer of a resource. */
export function DeployedByCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Deployed by">
      <DeployedBy entity={entity} />
    </InfoCard>
  );
}
