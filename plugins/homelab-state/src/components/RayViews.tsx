import { StructuredMetadataTable } from '@backstage/core-components';
import type { RayClusterSummary, RayJobSummary, RayServiceSummary } from '@internal/plugin-homelab-state-common';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@material-ui/core';
import { SeverityChip } from './common';

export function RayClusterView({ summary }: { summary: RayClusterSummary }) {
  return (
    <>
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <SeverityChip severity={summary.severity} label={summary.suspended ? 'suspended' : summary.state ?? 'unknown'} />
        <Typography variant="body2">head {summary.headReady === false ? 'not ready' : 'ready'}</Typography>
      </Box>
      <StructuredMetadataTable
        dense
        metadata={{
          workers: `${summary.readyWorkers ?? 0} ready / ${summary.availableWorkers ?? 0} available / ${summary.desiredWorkers ?? 0} desired (min ${summary.minWorkers ?? '–'}, max ${summary.maxWorkers ?? '–'})`,
          'worker groups': summary.workerGroups.map(g => `${g.name}: ${g.desired ?? '?'} (${g.min ?? '?'}–${g.max ?? '?'})`).join(', ') || '–',
          requested: `CPU ${summary.desiredCPU ?? '–'}, memory ${summary.desiredMemory ?? '–'}, GPU ${summary.desiredGPU ?? '0'}`,
          'head pod': summary.headPod ?? '–',
          ...(summary.reason ? { reason: summary.reason } : {}),
        }}
      />
    </>
  );
}

export function RayServiceView({ summary }: { summary: RayServiceSummary }) {
  return (
    <>
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <SeverityChip severity={summary.severity} label={summary.ready === false ? 'not ready' : summary.serviceStatus ?? 'ready'} />
        <Typography variant="body2">
          cluster {summary.rayClusterName ?? '–'} · {summary.numServeEndpoints ?? 0} serve endpoints
          {summary.upgradeInProgress ? ` · upgrading to ${summary.pendingRayClusterName}` : ''}
        </Typography>
      </Box>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Serve application / deployment</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Message</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {summary.applications.flatMap(app => [
            <TableRow key={app.name}>
              <TableCell>
                <strong>{app.name}</strong>
              </TableCell>
              <TableCell>
                <SeverityChip severity={app.severity} label={app.status ?? 'unknown'} />
              </TableCell>
              <TableCell>{app.message ?? ''}</TableCell>
            </TableRow>,
            ...app.deployments.map(d => (
              <TableRow key={`${app.name}/${d.name}`}>
                <TableCell style={{ paddingLeft: 32 }}>{d.name}</TableCell>
                <TableCell>
                  <SeverityChip severity={d.severity} label={d.status ?? 'unknown'} />
                </TableCell>
                <TableCell>{d.message ?? ''}</TableCell>
              </TableRow>
            )),
          ])}
        </TableBody>
      </Table>
    </>
  );
}

function duration(seconds: number | undefined) {
  if (seconds === undefined) return '–';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h ? `${h} h ${m} min` : `${m} min ${seconds % 60} s`;
}

export function RayJobView({ summary }: { summary: RayJobSummary }) {
  return (
    <>
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <SeverityChip severity={summary.severity} label={summary.jobStatus ?? 'unknown'} />
        <Typography variant="body2">deployment {summary.deploymentStatus ?? '–'}</Typography>
      </Box>
      <StructuredMetadataTable
        dense
        metadata={{
          'job id': summary.jobId ?? '–',
          cluster: summary.rayClusterName ?? '–',
          started: summary.startTime ?? '–',
          ended: summary.endTime ?? '–',
          duration: duration(summary.durationSeconds),
          ...(summary.message ? { message: summary.message } : {}),
        }}
      />
    </>
  );
}
