import { useEffect, useMemo, useState } from 'react';
import type { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { CatalogIndexPage, CatalogTable, type CatalogTableRow } from '@backstage/plugin-catalog';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { homelabStateApiRef } from '@internal/plugin-homelab-state';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import { makeStyles } from '@material-ui/core';
import { argoStatus, domainOf, scorecardSummary } from './catalogColumns';

const SEVERITY_COLOR = { ok: '#2e7d32', warning: '#ed6c02', error: '#d32f2f', unknown: '#757575' } as const;

const useStyles = makeStyles({
  root: {
    // Phone width: every row becomes a stacked card, nothing scrolls sideways.
    '@media (max-width: 600px)': {
      '& table thead': { display: 'none' },
      '& table, & table tbody, & table tr, & table td': { display: 'block', width: '100% !important', boxSizing: 'border-box' },
      '& table tr': { borderBottom: '1px solid rgba(128,128,128,0.3)', padding: '8px 0' },
      '& table td': { border: 'none', padding: '2px 12px !important', whiteSpace: 'normal !important' },
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
    const domain: TableColumn<CatalogTableRow> = {
      title: 'Domain',
      cellStyle: nowrap,
      customFilterAndSearch: (query, row) => (domainOf(row.entity, systemDomains) ?? '').includes(String(query)),
      render: row => domainOf(row.entity, systemDomains) ?? '',
    };
    const system = { ...c.createSystemColumn(), cellStyle: nowrap };
    const owner = { ...c.createOwnerColumn(), cellStyle: wordsWrap };
    const type = { ...c.createSpecTypeColumn(), cellStyle: wordsWrap };
    const argo: TableColumn<CatalogTableRow> = {
      title: 'Argo',
      cellStyle: wordsWrap,
      render: row => {
        const s = argoStatus(row.entity, overview);
        return s ? <span style={{ color: SEVERITY_COLOR[s.severity] }}>{s.text}</span> : '';
      },
    };
    const scorecard: TableColumn<CatalogTableRow> = {
      title: 'Scorecard',
      cellStyle: wordsWrap,
      render: row => {
        const s = scorecardSummary(row.entity);
        return s ? `${s.passed}/${s.total}` : '';
      },
    };
    return (context: { filters: { kind?: { value?: string } } }) => {
      const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
      if (kind === 'component') {
        return [name, domain, system, owner, type, argo, scorecard, description];
      }
      if (kind === 'resource') {
        return [name, domain, system, owner, type, scorecard, description];
      }
      return CatalogTable.defaultColumnsFunc(context as never).map(col =>
        col.title === c.createNameColumn().title ? { ...col, cellStyle: nowrap } : col,
      );
    };
  }, [systemDomains, overview]);

  return (
    <div className={classes.root}>
      <CatalogIndexPage columns={columns as never} tableOptions={{ padding: 'dense' }} />
    </div>
  );
}
