import { StructuredMetadataTable } from '@backstage/core-components';
import type {
  RayClusterSummary,
  RayDashboardEnrichment,
  RayDashboardJob,
  RayDashboardServeApplication,
  RayJobSummary,
  RayServiceSummary,
  Severity,
} from '@internal/plugin-homelab-state-common';
import type { ReactNode } from 'react';
import { StackedTable } from '@internal/plugin-homelab-react';
import { Box, Typography } from '@material-ui/core';
import { SeverityChip } from './common';

export function RayClusterView({ summary, dashboard }: { summary: RayClusterSummary; dashboard?: RayDashboardEnrichment }) {
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
      {dashboard?.jobs && <DashboardJobs jobs={dashboard.jobs} />}
    </>
  );
}

/** The jobs the cluster's Ray dashboard lists. */
function DashboardJobs({ jobs }: { jobs: RayDashboardJob[] }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Jobs (Ray dashboard)</Typography>
      {jobs.length === 0 ? (
        <Typography variant="body2">No jobs were submitted to this cluster.</Typography>
      ) : (
        <StackedTable
          label="Ray dashboard jobs"
          rows={jobs}
          rowKey={(j, i) => j.submissionId ?? j.jobId ?? String(i)}
          columns={[
            { title: 'Entrypoint', render: j => <code>{j.entrypoint ?? '–'}</code> },
            { title: 'Status', render: j => <SeverityChip severity={j.severity} label={j.status ?? 'unknown'} /> },
            { title: 'Duration', render: j => duration(j.durationSeconds) },
            { title: 'Message', render: j => j.message ?? '' },
          ]}
        />
      )}
    </Box>
  );
}

const replicaCounts = (replicas: Record<string, number>) =>
  Object.entries(replicas)
    .map(([state, n]) => `${n} ${state.toLowerCase()}`)
    .join(', ') || 'no replicas';

interface ServeRow {
  name: string;
  status?: string;
  severity: Severity;
  message?: string;
  /** Shown in the optional third column (route prefix, replica counts). */
  detail?: ReactNode;
}

/** Serve applications with their deployments indented below them. */
function ServeTable({ applications, detailTitle }: { applications: Array<ServeRow & { deployments: ServeRow[] }>; detailTitle?: string }) {
  const rows = applications.flatMap(app => [
    { ...app, key: app.name, indent: false },
    ...app.deployments.map(d => ({ ...d, key: `${app.name}/${d.name}`, indent: true })),
  ]);
  return (
    <StackedTable
      label="Serve applications"
      rows={rows}
      rowKey={r => r.key}
      columns={[
        {
          title: 'Serve application / deployment',
          render: r => (r.indent ? r.name : <strong>{r.name}</strong>),
          cellStyle: r => (r.indent ? { paddingLeft: 32 } : undefined),
        },
        { title: 'Status', render: r => <SeverityChip severity={r.severity} label={r.status ?? 'unknown'} /> },
        ...(detailTitle ? [{ title: detailTitle, render: (r: ServeRow) => r.detail ?? '–' }] : []),
        { title: 'Message', render: r => r.message ?? '' },
      ]}
    />
  );
}

/** The Serve applications the active cluster's Ray dashboard reports. */
function DashboardServe({ applications }: { applications: RayDashboardServeApplication[] }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Serve applications (Ray dashboard)</Typography>
      {applications.length === 0 ? (
        <Typography variant="body2">The dashboard reports no Serve applications.</Typography>
      ) : (
        <ServeTable
          detailTitle="Route prefix / replicas"
          applications={applications.map(app => ({
            ...app,
            detail: <code>{app.routePrefix ?? '–'}</code>,
            deployments: app.deployments.map(d => ({ ...d, detail: replicaCounts(d.replicas) })),
          }))}
        />
      )}
    </Box>
  );
}

export function RayServiceView({ summary, dashboard }: { summary: RayServiceSummary; dashboard?: RayDashboardEnrichment }) {
  return (
    <>
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <SeverityChip severity={summary.severity} label={summary.ready === false ? 'not ready' : summary.serviceStatus ?? 'ready'} />
        <Typography variant="body2">
          cluster {summary.rayClusterName ?? '–'} · {summary.numServeEndpoints ?? 0} serve endpoints
          {summary.upgradeInProgress ? ` · upgrading to ${summary.pendingRayClusterName}` : ''}
        </Typography>
      </Box>
      <ServeTable applications={summary.applications} />
      {summary.pendingApplications.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2">Pending cluster {summary.pendingRayClusterName ?? ''} (upgrade)</Typography>
          <ServeTable applications={summary.pendingApplications} />
        </Box>
      )}
      {dashboard?.serveApplications && <DashboardServe applications={dashboard.serveApplications} />}
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
