import { StructuredMetadataTable } from '@backstage/core-components';
import type { CnpgClusterSummary, ObjectEnrichment } from '@internal/plugin-homelab-state-common';
import { cnpgBackupLabel, cnpgStateLabels } from '@internal/plugin-homelab-state-common';
import { StackedTable } from '@internal/plugin-homelab-react';
import { Box, Grid, Typography } from '@material-ui/core';
import { useAge, SeverityChip, lagDuration } from './common';

function ConditionCell({ c }: { c?: { status: string; reason?: string; message?: string } }) {
  if (!c) return <>–</>;
  return (
    <span title={c.message}>
      <SeverityChip severity={c.status === 'True' ? 'ok' : 'error'} label={c.status} /> {c.reason}
    </span>
  );
}

/** "48213 archived, 0 failed (pg-media-1): last archived 2 min ago, last failed never". */
function walArchiverLine(w: NonNullable<ObjectEnrichment['walArchiver']>, ago: (iso: string | undefined) => string): string {
  const counts = w.archivedCount !== undefined ? `${w.archivedCount} archived, ${w.failedCount ?? '?'} failed ` : '';
  const when = (iso?: string) => (iso ? `${iso} (${ago(iso)})` : 'never');
  return `${counts}(${w.pod}): last archived ${when(w.lastArchivedAt)}, last failed ${when(w.lastFailedAt)}`;
}

/** A Postgres cluster's state as chips: severity, then hibernated, replica of its source, progressing. */
export function CnpgStateChips({ summary }: { summary: Pick<CnpgClusterSummary, 'severity' | 'hibernated' | 'progressing' | 'replica'> }) {
  return (
    <Box component="span" display="inline-flex" flexWrap="wrap" style={{ gap: 4 }}>
      {cnpgStateLabels(summary).map(l => (
        <SeverityChip key={l.label} severity={l.severity} label={l.label} />
      ))}
    </Box>
  );
}

/**
 * Everything about one CloudNativePG cluster; replication lag per instance
 * and the archiver's last archived / failed times when Prometheus gave them.
 */
export function CnpgClusterView({
  summary,
  replicationLagSeconds,
  walArchiver,
}: {
  summary: CnpgClusterSummary;
  /** Pod name -> lag in seconds. */
  replicationLagSeconds?: Record<string, number>;
  walArchiver?: ObjectEnrichment['walArchiver'];
}) {
  const ago = useAge();
  const lag = replicationLagSeconds;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
          <CnpgStateChips summary={summary} />
          <Typography variant="body1">{summary.phase ?? 'unknown phase'}</Typography>
          {summary.phaseReason && <Typography variant="body2">({summary.phaseReason})</Typography>}
        </Box>
        {summary.phaseExplanation && !summary.problems.some(p => p.endsWith(summary.phaseExplanation!)) && (
          <Typography variant="body2" color="textSecondary">
            {summary.phaseExplanation}
          </Typography>
        )}
        {summary.hibernated && (
          <Typography variant="body2">Hibernated on purpose: its Pods are shut down and its data kept. Not judged on readiness or backups.</Typography>
        )}
        {summary.replica && (
          <Typography variant="body2">
            A replica cluster: it follows {summary.replica.source ?? 'an external cluster'} and takes no backups of its own, so it is not judged on backups.
          </Typography>
        )}
        {summary.problems.map(p => (
          <Typography key={p} variant="body2" color="error">
            {p}
          </Typography>
        ))}
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="subtitle2">
          Instances {summary.readyInstances}/{summary.instances} ready · timeline {summary.timeline ?? '–'}
        </Typography>
        <StackedTable
          label="Instances"
          rows={summary.instanceList}
          rowKey={i => i.name}
          columns={[
            { title: 'Instance', render: i => i.name },
            {
              title: 'Role',
              render: i => `${i.role}${summary.switchoverInProgress && i.name === summary.targetPrimary ? ' (becoming primary)' : ''}`,
            },
            { title: 'Status', render: i => <SeverityChip severity={i.ready ? 'ok' : 'error'} label={i.status} /> },
            ...(lag ? [{ title: 'Replication lag', render: (i: (typeof summary.instanceList)[number]) => (lag[i.name] !== undefined ? lagDuration(lag[i.name]) : '–') }] : []),
          ]}
        />
        <StructuredMetadataTable
          dense
          metadata={{
            'current primary': summary.currentPrimary ?? '–',
            'target primary': summary.targetPrimary ?? '–',
            Ready: <ConditionCell c={summary.conditions.Ready} />,
            'Continuous archiving': <ConditionCell c={summary.conditions.ContinuousArchiving} />,
            'Last backup succeeded': <ConditionCell c={summary.conditions.LastBackupSucceeded} />,
            'first recoverability point': summary.firstRecoverabilityPoint ?? '–',
            'WAL archiving': `${summary.walArchiving.state}${summary.walArchiving.since ? ` since ${summary.walArchiving.since} (${ago(summary.walArchiving.since)})` : ''}${
              summary.walArchiving.state === 'failing' && summary.walArchiving.message ? `: ${summary.walArchiving.message}` : ''
            }`,
            ...(walArchiver ? { 'WAL archiver (Prometheus)': walArchiverLine(walArchiver, ago) } : {}),
            'fenced instances': summary.fencedInstances.join(', ') || 'none',
            certificates:
              summary.certificates.map(c => `${c.secret}: ${c.daysLeft < 0 ? 'expired' : `${c.daysLeft} d left`}`).join(', ') || '–',
            poolers: summary.poolers.map(p => `${p.name} (${p.type ?? 'rw'}, ${p.instances ?? '?'} instances)`).join(', ') || 'none',
          }}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="subtitle2">
          Last successful backup: {ago(summary.lastSuccessfulBackup)}{' '}
          <SeverityChip {...cnpgBackupLabel(summary)} />
        </Typography>
        <Typography variant="subtitle2" style={{ marginTop: 8 }}>
          Scheduled backups
        </Typography>
        {summary.scheduledBackups.length === 0 ? (
          <Typography variant="body2">None: this cluster is only backed up by hand.</Typography>
        ) : (
          summary.scheduledBackups.map(s => (
            <Typography key={s.name} variant="body2">
              {s.name}: <code>{s.schedule}</code>
              {s.suspended ? ' (suspended)' : ''}, next {s.nextScheduleTime ?? 'unknown'}
            </Typography>
          ))
        )}
        <Typography variant="subtitle2" style={{ marginTop: 8 }}>
          Recent backups
        </Typography>
        <StackedTable
          label="Recent backups"
          hideHeader
          rows={summary.recentBackups}
          rowKey={b => b.name}
          empty={<Typography variant="body2">No Backup objects found.</Typography>}
          columns={[
            { title: 'Backup', render: b => b.name },
            { title: 'Phase', render: b => <SeverityChip severity={b.severity} label={b.phase ?? 'unknown'} /> },
            { title: 'When', render: b => ago(b.stoppedAt ?? b.startedAt) },
            { title: 'Error', render: b => b.error ?? '' },
          ]}
        />
      </Grid>
    </Grid>
  );
}
