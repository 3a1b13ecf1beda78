import { Gauge, StructuredMetadataTable } from '@backstage/core-components';
import type { CephClusterSummary, CephPoolSummary, CephPrometheusEnrichment } from '@internal/plugin-homelab-state-common';
import { WrappingListItemText } from '@internal/plugin-homelab-react';
import { Box, Grid, List, ListItem, ListItemIcon, Typography } from '@material-ui/core';
import { bytes, SEVERITY_COLORS, SeverityChip, useAge } from './common';

/** OSDs, PG states, pool usage and client IOPS from Prometheus; only what is known. */
function cephFigures(e: CephPrometheusEnrichment | undefined): Record<string, string> {
  if (!e) return {};
  const out: Record<string, string> = {};
  if (e.osdsUp !== undefined || e.osdsIn !== undefined || e.osdsTotal !== undefined) {
    out.OSDs = [
      e.osdsUp !== undefined ? `${e.osdsUp} up` : undefined,
      e.osdsIn !== undefined ? `${e.osdsIn} in` : undefined,
      e.osdsTotal !== undefined ? `${e.osdsTotal} total` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
  }
  if (e.pgStates || e.pgsTotal !== undefined) {
    const states = Object.entries(e.pgStates ?? {}).map(([s, n]) => `${n} ${s}`);
    out['placement groups'] = [...(e.pgsTotal !== undefined ? [`${e.pgsTotal} total`] : []), ...states].join(', ');
  }
  if (e.pools) {
    out['pool usage'] = e.pools
      .map(p => `${p.name}: ${p.percentUsed}%${p.storedBytes !== undefined ? ` (${bytes(p.storedBytes)} stored)` : ''}`)
      .join(', ');
  }
  if (e.clientReadIops !== undefined || e.clientWriteIops !== undefined) {
    out['client IOPS'] = [
      e.clientReadIops !== undefined ? `${e.clientReadIops} read` : undefined,
      e.clientWriteIops !== undefined ? `${e.clientWriteIops} write` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
  }
  return out;
}

/** Ceph health, every check, capacity and daemons of one CephCluster, and Prometheus figures when given. */
export function CephClusterView({
  summary,
  pools = [],
  enrichment,
}: {
  summary: CephClusterSummary;
  pools?: CephPoolSummary[];
  enrichment?: CephPrometheusEnrichment;
}) {
  const ago = useAge();
  const cap = summary.capacity;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
          <SeverityChip severity={summary.severity} label={summary.health ?? 'no health reported'} />
          <Typography variant="body2">
            {summary.phase ?? 'unknown phase'} · checked {ago(summary.lastChecked)}
          </Typography>
          {summary.progressing && <SeverityChip severity="unknown" label="progressing" />}
        </Box>
        {summary.reconcileFailure && (
          <Typography variant="body2" color="error">
            Rook could not reconcile the cluster: {summary.reconcileFailure}
          </Typography>
        )}
        {cap ? (
          <Box maxWidth={220}>
            <Gauge
              value={cap.percentUsed / 100}
              fractional
              getColor={() => SEVERITY_COLORS[cap.severity]}
              description={`${bytes(cap.usedBytes)} of ${bytes(cap.totalBytes)} used (${bytes(cap.availableBytes)} free)`}
            />
            {cap.stale && (
              <Typography variant="caption" color="error">
                Stale: capacity was last updated {cap.staleAgeHours} h before the last health check ({ago(cap.lastUpdated)}).
              </Typography>
            )}
          </Box>
        ) : (
          <Typography variant="body2">Capacity not reported yet.</Typography>
        )}
      </Grid>
      <Grid item xs={12} md={8}>
        <Typography variant="subtitle2">Health checks</Typography>
        {summary.checks.length === 0 ? (
          <Typography variant="body2">No health checks are raised.</Typography>
        ) : (
          <List dense disablePadding>
            {summary.checks.map(c => (
              <ListItem key={c.id} disableGutters>
                <ListItemIcon style={{ minWidth: 90 }}>
                  <SeverityChip severity={c.severity} label={c.severity === 'error' ? 'ERR' : 'WARN'} />
                </ListItemIcon>
                <WrappingListItemText primary={c.id} secondary={c.message} />
              </ListItem>
            ))}
          </List>
        )}
        <StructuredMetadataTable
          dense
          metadata={{
            daemons: Object.entries(summary.daemons).map(([d, n]) => `${d}: ${n}`).join(', ') || '–',
            'Ceph version': summary.versions.join(', ') || summary.cephVersion || '–',
            ...(summary.mixedVersions ? { warning: 'More than one Ceph version runs: an upgrade is under way or stuck' } : {}),
            ...(pools.length ? { pools: pools.map(p => `${p.name} (${p.kind.replace('Ceph', '')}): ${p.phase ?? 'unknown'}`).join(', ') } : {}),
            ...cephFigures(enrichment),
            fsid: summary.fsid ?? '–',
          }}
        />
      </Grid>
    </Grid>
  );
}
