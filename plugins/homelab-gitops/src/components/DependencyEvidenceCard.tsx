import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { readDependencyEvidence } from '@internal/plugin-homelab-common';
import { BreakablePath, StackedTable } from '@internal/plugin-homelab-react';
import { Typography } from '@material-ui/core';
import { repoFileUrl } from './repoLinks';

/** Each dependsOn relation with the file and value it was read from. */
export function DependencyEvidenceTable({ entity }: { entity: Entity }) {
  const rows = readDependencyEvidence(entity);
  if (rows.length === 0) {
    return <Typography variant="body2">No dependencies found in the repo.</Typography>;
  }
  return (
    <StackedTable
      label="Dependencies found in the repo"
      rows={rows}
      rowKey={row => `${row.target}:${row.file}`}
      columns={[
        { title: 'Depends on', render: row => <EntityRefLink entityRef={row.target} /> },
        { title: 'Because', render: row => row.reason },
        {
          title: 'Found in',
          render: row => {
            const url = repoFileUrl(entity, row.file);
            const path = <BreakablePath path={row.file} />;
            return url ? <Link to={url}>{path}</Link> : <code>{path}</code>;
          },
        },
      ]}
    />
  );
}

/** Entity card: why this entity depends on what it depends on. */
export function DependencyEvidenceCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Dependencies found in the repo">
      <DependencyEvidenceTable entity={entity} />
    </InfoCard>
  );
}
