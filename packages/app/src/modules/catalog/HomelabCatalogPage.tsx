import { useEffect, useMemo, useState } from 'react';
import type { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CatalogIndexPage, CatalogTable, type CatalogTableRow } from '@backstage/plugin-catalog';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { homelabStateApiRef } from '@internal/plugin-homelab-state';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import { PHONE_MEDIA_QUERY } from '@internal/plugin-homelab-react';
import { makeStyles, useMediaQuery } from '@material-ui/core';
import { argoStatus, domainOf, scorecardSummary } from './catalogColumns';

const SEVERITY_COLOR = { ok: '#2e7d32', warning: '#ed6c02', error: '#d32f2f', unknown: '#757575' } as const;

const useStyles = makeStyles({
  root: {
    // Phone width: every row becomes a stacked card, nothing scrolls sideways.
    // The stock table cannot be swapped for StackedTable, so CSS does it, at the same width.
    [`@media ${PHONE_MEDIA_QUERY}`]: {
      '& table thead': { display: 'none' },
      '& table, & table tbody, & table tr, & table td': { display: 'block', width: '100% !important', boxSizing: 'border-box' },
      '& table tr': { borderBottom: '1px solid rgba(128,128,128,0.3)', padding: '8px 0' },
      '& table td': { border: 'none', padding: '2px 12px !important', whiteSpace: 'normal !important' },
      // The table's title ("All components (12)") wraps above the filter box instead of being clipped.
      // (In the built app MUI class names carry a suffix, MuiToolbar-root-996: match their prefix.)
      '& [class*="MuiToolbar-root"]': { flexWrap: 'wrap' },
      '& [class*="MuiToolbar-root"] > div, & [class*="MuiToolbar-root"] h2': { whiteSpace: 'normal', overflow: 'visible' },
    },
  },
});

// Names stay on one line; other columns may wrap between words, never inside
// one; the description gives way first.
const nowrap = { whiteSpace: 'nowrap' as const };
const wordsWrap = { overflowWrap: 'normal' as const, wordBreak: 'keep-all' as const, hyphens: 'none' as const };

/** The catalog with the homelab's columns: domain, system, Argo CD sync/health and scorecard. */
export function HomelabCatalogPage() {
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const stateApi = useApi(homelabStateApiRef);
  const [systemDomains, setSystemDomains] = useState(new Map<string, string>());
  const [overview, setOverview] = useState<PlatformOverview>();
  // What gives way when the table is narrow: the description first, then the
  // owner (also a sidebar filter); names and statuses stay.
  const roomForDescription = useMediaQuery('(min-width: 1600px)');
  const roomForOwner = useMediaQuery('(min-width: 1400px)');

  useEffect(() => {
    catalogApi
      .getEntities({ filter: { kind: 'System' }, fields: ['metadata.name', 'spec.domain'] })
      .then(r => setSystemDomains(new Map(r.items.map(s => [s.metadata.name, String(s.spec?.domain ?? '')]))))
      .catch(() => undefined);
    // Without live state the Argo column stays empty; the catalog still works.
    stateApi.getOverview().then(setOverview, () => undefined);
  }, [catalogApi, stateApi]);

  const columns = useMemo(() => {
    const { columns: c } = CatalogTable;
    const name = { ...c.createNameColumn(), cellStyle: nowrap };
    const description = { ...c.createMetadataDescriptionColumn(), width: 'auto', cellStyle: { minWidth: 0 } };
    // Domain over system in one column: both readable, half the width.
    const systemColumn = c.createSystemColumn();
    const domainSystem: TableColumn<CatalogTableRow> = {
      title: 'Domain / system',
      cellStyle: nowrap,
      customFilterAndSearch: (query, row) =>
        `${domainOf(row.entity, systemDomains) ?? ''} ${row.resolved.partOfSystemRelationTitle ?? ''}`.includes(String(query)),
      render: row => (
        <>
          <div>{domainOf(row.entity, systemDomains) ?? ''}</div>
          <div>{systemColumn.render?.(row, 'row')}</div>
        </>
      ),
    };
    const owner = { ...c.createOwnerColumn(), width: '8em', cellStyle: wordsWrap };
    const type = { ...c.createSpecTypeColumn(), cellStyle: wordsWrap };
    const argo: TableColumn<CatalogTableRow> = {
      title: 'Argo',
      width: '6em',
      cellStyle: wordsWrap,
      render: row => {
        const s = argoStatus(row.entity, overview);
        return s ? <span style={{ color: SEVERITY_COLOR[s.severity] }}>{s.text}</span> : '';
      },
    };
    const scorecard: TableColumn<CatalogTableRow> = {
      title: 'Scorecard',
      width: '5em',
      cellStyle: wordsWrap,
      render: row => {
        const s = scorecardSummary(row.entity);
        return s ? `${s.passed}/${s.total}` : '';
      },
    };
    return (context: { filters: { kind?: { value?: string } } }) => {
      const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
      if (kind === 'component') {
        // Type is a sidebar filter already; leaving it out makes room for Argo and the scorecard.
        return [name, domainSystem, ...(roomForOwner ? [owner] : []), argo, scorecard, ...(roomForDescription ? [description] : [])];
      }
      if (kind === 'resource') {
        return [name, domainSystem, ...(roomForOwner ? [owner] : []), type, scorecard, ...(roomForDescription ? [description] : [])];
      }
      return CatalogTable.defaultColumnsFunc(context as never).map(col =>
        col.title === c.createNameColumn().title ? { ...col, cellStyle: nowrap } : col,
      );
    };
  }, [systemDomains, overview, roomForDescription, roomForOwner]);

  return (
    <div className={classes.root}>
      {/* No row actions: view, edit and star are on the entity page, and the columns need the room. */}
      <CatalogIndexPage columns={columns as never} actions={[]} tableOptions={{ padding: 'dense' }} />
    </div>
  );
}
