import { useEffect, useMemo, useState } from 'react';
import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { InfoCard, Link, Progress, ResponseErrorPanel, Table, type TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRelationsGraph } from '@backstage/plugin-catalog-graph';
import { catalogApiRef, EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ARCHITECTURE_SOURCE_KINDS,
  buildArchitecturePage,
  HomelabAnnotations,
  type ArchitectureComponent,
  type ArchitectureDataService,
} from '@internal/plugin-homelab-common';
import { Grid, Typography } from '@material-ui/core';

/**
 * The repo's hand-written architecture page, which discovery found in the
 * docs of the repo component (named after the GitOps source).
 */
function handWrittenPage(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const repo = annotations[HomelabAnnotations.gitopsSource];
  const page = annotations[HomelabAnnotations.architectureDoc];
  if (!repo || !page) return undefined;
  return `/docs/default/component/${encodeURIComponent(repo)}/${page.split('/').map(encodeURIComponent).join('/')}`;
}

const componentColumns: TableColumn<ArchitectureComponent>[] = [
  { title: 'Component', field: 'name', render: c => <EntityRefLink entityRef={c.ref} title={c.name} /> },
  { title: 'Type', field: 'type' },
  { title: 'Owner', field: 'owner' },
  { title: 'System', field: 'system' },
  { title: 'Argo app', field: 'argoApp' },
];
const serviceColumns: TableColumn<ArchitectureDataService>[] = [
  { title: 'Data service', field: 'name', render: d => <EntityRefLink entityRef={d.ref} title={d.name} /> },
  { title: 'Type', field: 'type' },
  { title: 'Used by', field: 'usedBy', render: d => d.usedBy.join(', ') },
];

/** The Architecture tab of a Domain or System. */
export function ArchitectureContent() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const [entities, setEntities] = useState<Entity[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    catalogApi
      .getEntities({ filter: { kind: ARCHITECTURE_SOURCE_KINDS } })
      .then(r => setEntities(r.items), setError);
  }, [catalogApi]);
  const handWritten = handWrittenPage(entity);
  const page = useMemo(() => (entities ? buildArchitecturePage(entity, entities) : undefined), [entity, entities]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (!page) return <Progress />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body1">
          {page.kind} <strong>{page.title}</strong>: {page.components.length} components
          {page.kind === 'Domain' ? ` in ${page.systems.length} systems` : ''}, using {page.dataServices.length} data
          services. Derived from the catalog on every discovery run.
          {handWritten && (
            <>
              {' '}
              The repo's own design notes: <Link to={handWritten}>architecture page</Link>.
            </>
          )}
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Components and their dependencies">
          {page.diagram.nodes.length > 0 ? (
            <EntityRelationsGraph
              rootEntityNames={page.components.map(c => parseEntityRef(c.ref))}
              kinds={['component', 'resource']}
              relations={['dependsOn', 'dependencyOf']}
              maxDepth={1}
              unidirectional
              zoom="enable-on-click"
              // The arrows say it all; "dependsOn / dependencyOf" on every edge is noise.
              renderLabel={() => <g />}
            />
          ) : (
            <Typography>No components yet.</Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table title="Components" options={{ paging: false, search: false, padding: 'dense' }} columns={componentColumns} data={page.components} />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table title="Data services" options={{ paging: false, search: false, padding: 'dense' }} columns={serviceColumns} data={page.dataServices} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Hosts">
          {page.hosts.length === 0 && <Typography>No ingress hosts.</Typography>}
          {page.hosts.map(h => (
            <Typography key={h.host}>
              <Link to={`https://${h.host}`}>{h.host}</Link> ({h.component})
            </Typography>
          ))}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
