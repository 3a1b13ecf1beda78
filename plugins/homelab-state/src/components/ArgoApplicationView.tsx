import type { ArgoApplicationSummary } from '@internal/plugin-homelab-state-common';
import { WrappingListItemText } from '@internal/plugin-homelab-react';
import { Box, List, ListItem, Typography } from '@material-ui/core';
import { useAge, SeverityChip } from './common';

const SYNC_SEVERITY: Record<string, 'ok' | 'warning'> = { Synced: 'ok', OutOfSync: 'warning' };
const HEALTH_SEVERITY: Record<string, 'ok' | 'warning' | 'error' | 'unknown'> = {
  Healthy: 'ok',
  Progressing: 'warning',
  Suspended: 'warning',
  Degraded: 'error',
  Missing: 'error',
};

/** Sync, health, last operation and what is out of sync or unhealthy. */
export function ArgoApplicationView({ summary }: { summary: ArgoApplicationSummary }) {
  const ago = useAge();
  const problems = [...summary.outOfSyncResources, ...summary.unhealthyResources];
  return (
    // Sync messages carry commit hashes and resource paths longer than a phone line.
    <Box style={{ overflowWrap: 'break-word' }}>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1} style={{ gap: 8 }}>
        <SeverityChip severity={SYNC_SEVERITY[summary.syncStatus] ?? 'unknown'} label={summary.syncStatus} />
        <SeverityChip severity={HEALTH_SEVERITY[summary.healthStatus] ?? 'unknown'} label={summary.healthStatus} />
        <Typography variant="body2">revision {summary.revision?.slice(0, 8) ?? '–'}</Typography>
      </Box>
      <Typography variant="body2">
        Last sync: {summary.operationPhase ?? 'none'}
        {summary.operationFinishedAt ? `, ${ago(summary.operationFinishedAt)}` : ''}
        {summary.operationMessage ? ` — ${summary.operationMessage}` : ''}
      </Typography>
      {summary.healthMessage && <Typography variant="body2">{summary.healthMessage}</Typography>}
      {summary.conditions.map(c => (
        <Typography key={c.type} variant="body2" color="error">
          {c.type}: {c.message}
        </Typography>
      ))}
      {problems.length > 0 && (
        <List dense disablePadding>
          {problems.map((r, i) => (
            <ListItem key={`${r.kind}/${r.namespace}/${r.name}/${i}`} disableGutters>
              <WrappingListItemText
                primary={`${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`}
                secondary={[r.status, r.health, r.message].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
