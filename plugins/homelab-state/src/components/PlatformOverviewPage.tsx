import { Content, Header, InfoCard, Page, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import { cnpgBackupLabel, replicationLagOf } from '@internal/plugin-homelab-state-common';
import { StackedTable } from '@internal/plugin-homelab-react';
import { Box, Grid, Typography } from '@material-ui/core';
import { homelabStateApiRef } from '../api/HomelabStateApi';
import { ArgoApplicationView } from './ArgoApplicationView';
import { CephClusterView } from './CephClusterView';
import { CnpgStateChips } from './CnpgClusterView';
import { StorageClassUsage } from './StorageClassUsage';
import { lagDuration, ObservedAtContext, PrometheusNote, SEVERITY_COLORS, SeverityChip, StateErrors, usePolling } from './common';

const REFRESH_MS = 30_000;

/** Backup age per Postgres cluster as bars against the staleness threshold. */
export function BackupAgeChart({ clusters, staleHours }: { clusters: PlatformOverview['cnpg']; staleHours: number }) {
  const max = Math.max(staleHours * 1.5, ...clusters.map(c => c.lastSuccessfulBackupAgeHours ?? 0));
  return (
    <Box role="img" aria-label="Age of the last successful backup per Postgres cluster">
      {clusters.map(c => {
        const hours = c.lastSuccessfulBackupAgeHours;
        const backup = cnpgBackupLabel(c);
        const judged = c.backupFreshness !== 'not-applicable';
        const color = SEVERITY_COLORS[backup.severity];
        return (
          <Box key={`${c.cluster}/${c.namespace}/${c.name}`} display="flex" alignItems="center" mb={0.5} style={{ gap: 8 }}>
            <Typography variant="body2" style={{ width: 130, overflowWrap: 'break-word' }}>
              {c.name}
            </Typography>
            <Box flex={1} position="relative" height={16} bgcolor="#eee" borderRadius={3} title={backup.label}>
              <Box position="absolute" left={0} top={0} bottom={0} width={`${((hours ?? (judged ? max : 0)) / max) * 100}%`} bgcolor={hours === undefined && judged ? SEVERITY_COLORS.error : color} borderRadius={3} />
              <Box position="absolute" top={-2} bottom={-2} left={`${(staleHours / max) * 100}%`} width={2} bgcolor="#333" title={`${staleHours} h`} />
            </Box>
            <Typography variant="body2" style={{ width: 70, textAlign: 'right' }}>
              {judged ? '' : `${backup.label.replace('not judged: ', '')} · `}
              {hours === undefined ? 'never' : `${Math.round(hours)} h`}
            </Typography>
          </Box>
        );
      })}
      <Typography variant="caption">
        The line marks {staleHours} h: a backup older than that is stale. Replica and hibernated clusters take no backups of their own and are
        not judged (grey).
      </Typography>
    </Box>
  );
}

function Count({ label, value, severity }: { label: string; value: number; severity: 'ok' | 'warning' | 'error' | 'unknown' }) {
  return (
    <Box textAlign="center" minWidth={80}>
      <Typography variant="h4" style={{ color: value > 0 ? SEVERITY_COLORS[severity] : undefined }}>
        {value}
      </Typography>
      <Typography variant="caption">{label}</Typography>
    </Box>
  );
}

export function PlatformOverviewContent({ overview }: { overview: PlatformOverview }) {
  const { ceph, cnpg, ray, argo, prometheus, staleBackupHours } = overview;
  const lag = prometheus?.cnpg?.replicationLagSeconds;
  const maxLagOf = (name: string) => {
    const values = Object.values(replicationLagOf(lag, name) ?? {});
    return values.length ? lagDuration(Math.max(...values)) : '–';
  };
  return (
    <ObservedAtContext.Provider value={new Date(overview.generatedAt)}>
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <StateErrors errors={overview.errors} fetchedAt={overview.oldestDataAt} />
        <PrometheusNote error={prometheus?.error} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Storage (Ceph)">
          {ceph.clusters.length === 0 && <Typography>No CephCluster found.</Typography>}
          {ceph.clusters.map(c => (
            <CephClusterView
              key={`${c.cluster}/${c.name}`}
              summary={c}
              pools={ceph.pools.filter(p => p.cluster === c.cluster)}
              enrichment={prometheus?.ceph}
            />
          ))}
          <StorageClassUsage />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Postgres (CloudNativePG)">
          <StackedTable
            label="Postgres clusters"
            rows={cnpg}
            rowKey={c => `${c.cluster}/${c.namespace}/${c.name}`}
            empty={<Typography>No CloudNativePG Cluster found.</Typography>}
            columns={[
              { title: 'Cluster', render: c => c.name },
              { title: 'State', render: c => <CnpgStateChips summary={c} /> },
              { title: 'Ready', render: c => `${c.readyInstances}/${c.instances}` },
              { title: 'Primary', render: c => (c.switchoverInProgress ? `${c.currentPrimary} → ${c.targetPrimary}` : c.currentPrimary) },
              ...(lag ? [{ title: 'Max replication lag', render: (c: PlatformOverview['cnpg'][number]) => maxLagOf(c.name) }] : []),
              { title: 'Problems', render: c => c.problems.join('; ') || '–' },
            ]}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Backup age">
          <BackupAgeChart clusters={cnpg} staleHours={staleBackupHours} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Ray (KubeRay)">
          {ray.services.map(s => (
            <Box key={s.name} mb={1}>
              <Typography variant="subtitle2">
                RayService {s.namespace}/{s.name} <SeverityChip severity={s.severity} />
              </Typography>
              {s.applications.map(a => (
                <Typography key={a.name} variant="body2">
                  {a.name}: {a.status}
                  {a.deployments.filter(d => d.severity !== 'ok').map(d => ` · ${d.name} ${d.status}${d.message ? ` (${d.message})` : ''}`)}
                </Typography>
              ))}
            </Box>
          ))}
          {ray.clusters.map(c => (
            <Typography key={c.name} variant="body2">
              RayCluster {c.namespace}/{c.name}: <SeverityChip severity={c.severity} label={c.suspended ? 'suspended' : c.state ?? 'unknown'} />{' '}
              {c.readyWorkers ?? 0}/{c.desiredWorkers ?? 0} workers
            </Typography>
          ))}
          {ray.jobs.map(j => (
            <Typography key={j.name} variant="body2">
              RayJob {j.namespace}/{j.name}: <SeverityChip severity={j.severity} label={j.jobStatus ?? 'unknown'} />{' '}
              {/* Job messages carry whole log tails; the job's own tab shows all of it. */}
              {j.message && j.message.length > 200 ? `${j.message.slice(0, 200)}…` : j.message ?? ''}
            </Typography>
          ))}
          {ray.services.length + ray.clusters.length + ray.jobs.length === 0 && <Typography>No Ray objects found.</Typography>}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Argo CD">
          <Box display="flex" flexWrap="wrap" mb={2}>
            <Count label="synced" value={argo.synced} severity="ok" />
            <Count label="out of sync" value={argo.outOfSync} severity="warning" />
            <Count label="healthy" value={argo.healthy} severity="ok" />
            <Count label="degraded" value={argo.degraded} severity="error" />
            <Count label="progressing" value={argo.progressing} severity="warning" />
            <Count label="missing" value={argo.missing} severity="error" />
          </Box>
          <Typography variant="subtitle2">Needs attention ({argo.needsAttention.length})</Typography>
          {argo.needsAttention.map(a => (
            <Box key={a.name} mt={1}>
              <Typography variant="body2">
                <strong>{a.name}</strong>: {a.attentionReasons.join(', ')}
              </Typography>
              <ArgoApplicationView summary={a} />
            </Box>
          ))}
        </InfoCard>
      </Grid>
    </Grid>
    </ObservedAtContext.Provider>
  );
}

/** The platform overview page, refreshed every 30 s. */
export function PlatformOverviewPage() {
  const api = useApi(homelabStateApiRef);
  const { value, error, loading } = usePolling(() => api.getOverview(), REFRESH_MS);
  return (
    <Page themeId="tool">
      <Header
        title="Platform overview"
        subtitle={
          value
            ? `Clusters: ${value.clusters.join(', ') || 'none'} · state as of ${new Date(value.generatedAt).toLocaleString()}`
            : 'Live state of the homelab'
        }
      />
      <Content>
        {!value && loading && <Progress />}
        {!value && error && <ResponseErrorPanel error={error} />}
        {value && <PlatformOverviewContent overview={value} />}
      </Content>
    </Page>
  );
}
