import { Gauge, StructuredMetadataTable } from '@backstage/core-components';
import type { CephClusterSummary, CephPoolSummary } from '@internal/plugin-homelab-state-common';
import { Box, Grid, List, ListItem, ListItemIcon, ListItemText, Typography } from '@material-ui/core';
import { bytes, SEVERITY_COLORS, SeverityChip, useAge } from './common';

/** Ceph health, every check, capacity and daemons of one CephCluster. */
export function CephClusterView({ summary, pools = [] }: { summary: CephClusterSummary; pools?: CephPoolSummary[] }) {
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
        </Box>
        {cap ? (
          <Box maxWidth={220}>
            <Gauge
              value={cap.percentUsed / 100}
              fractional
              getColor={() => SEVERITY_COLORS[cap.severity]}
              description={`${bytes(cap.usedBytes)} of ${bytes(cap.totalBytes)} used (${bytes(cap.availableBytes)} free)`}
            />
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
                <ListItemText primary={c.id} secondary={c.message} />
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
            fsid: summary.fsid ?? '–',
          }}
        />
      </Grid>
    </Grid>
  );
}
