import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { readDependencyEvidence } from '@internal/plugin-homelab-common';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@material-ui/core';
import { repoFileUrl } from './repoLinks';

/** Each dependsOn relation with the file and value it was read from. */
export function DependencyEvidenceTable({ entity }: { entity: Entity }) {
  const rows = readDependencyEvidence(entity);
  if (rows.length === 0) {
    return <Typography variant="body2">No dependencies found in the repo.</Typography>;
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Depends on</TableCell>
          <TableCell>Because</TableCell>
          <TableCell>Found in</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => {
          const url = repoFileUrl(entity, row.file);
          return (
            <TableRow key={`${row.target}:${row.file}`}>
              <TableCell>
                <EntityRefLink entityRef={row.target} />
              </TableCell>
              <TableCell>{row.reason}</TableCell>
              <TableCell>{url ? <Link to={url}>{row.file}</Link> : <code>{row.file}</code>}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
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
