import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { deriveArgoApplication } from './argo';
import { deriveCephCluster, deriveCephHealthReport, deriveCephPool } from './ceph';
import { deriveCnpgBackup, deriveCnpgCluster, deriveCnpgScheduledBackup } from './cnpg';
import type { KubeObject, Severity } from './objects';
import { deriveRayCluster, deriveRayJob, deriveRayService } from './ray';
import { deriveRayDashboard } from './rayDashboard';

/** One file of cr-samples/: its header lines and every YAML document in it. */
interface CrSample {
  /** Path under cr-samples/, e.g. cnpg-cluster/hibernated.yaml. */
  file: string;
  source: string;
  scenario: string;
  documents: any[];
}

const ROOT = join(__dirname, '__fixtures__', 'cr-samples');

function header(text: string, key: string): string {
  return text.match(new RegExp(`^# ${key}: (.*)$`, 'm'))?.[1] ?? '';
}

/** Every sample, sorted by path. Throws on a file that does not parse. */
function loadCrSamples(): CrSample[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .flatMap(d => readdirSync(join(ROOT, d.name)).filter(f => f.endsWith('.yaml')).map(f => `${d.name}/${f}`))
    .sort()
    .map(file => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const documents = parseAllDocuments(text).map(doc => {
        if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
        return doc.toJS();
      });
      return { file, source: header(text, 'source'), scenario: header(text, 'scenario'), documents: documents.filter(d => d !== null) };
    });
}

const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/**
 * Samples were taken between 2017 and 2026: each is judged an hour after the
 * newest time it carries (certificate expirations aside), as if read then.
 */
function observedAt(doc: unknown): Date {
  let newest = 0;
  const walk = (v: unknown, key: string) => {
    if (key === 'expirations') return;
    if (typeof v === 'string' && ISO_RE.test(v)) newest = Math.max(newest, Date.parse(v) || 0);
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, k);
  };
  walk(doc, '');
  return new Date((newest || Date.parse('2026-01-01T00:00:00Z')) + 3_600_000);
}

const POOL_MAPS = ['cephBlockPools', 'cephFilesystems', 'cephObjectStores'];

/**
 * Objects of a document: a `kind: List` holds several; a Pelagia report holds
 * maps of pools by name; a bare status dump (kubectl-rook-ceph, excerpts) is
 * wrapped as the status of a nameless object.
 */
function objectsOf(doc: any): KubeObject[] {
  if (doc?.kind === 'List' || (Array.isArray(doc?.items) && !doc.status)) return doc.items;
  const poolMap = POOL_MAPS.find(k => doc?.[k]);
  if (poolMap) return Object.entries<any>(doc[poolMap]).map(([name, status]) => ({ metadata: { name }, status }));
  if (!doc?.metadata && !doc?.status && !doc?.spec && !doc?.apiVersion) return [{ metadata: { name: '' }, status: doc }];
  return [{ metadata: { name: '' }, ...doc }];
}

/**
 * Derives what the portal shows for one YAML document of a sample, using the
 * derivation for the sample's folder. Dashboard shapes of older Ray releases
 * (camelCase job snapshot, v1 single-app status) are mapped to the current
 * API here: the portal only calls the current one.
 */
function deriveSample(file: string, doc: any): Array<{ severity: Severity } & Record<string, any>> {
  const folder = file.split('/')[0];
  switch (folder) {
    case 'argocd-application':
      return objectsOf(doc).map(deriveArgoApplication);
    case 'cephcluster':
      return objectsOf(doc).map(o => deriveCephCluster(o));
    case 'cephblockpool':
      return objectsOf(doc).map(o => deriveCephPool({ kind: 'CephBlockPool', ...o }));
    case 'cephfilesystem':
      return objectsOf(doc).map(o => deriveCephPool({ kind: 'CephFilesystem', ...o }));
    case 'cephobjectstore':
      return objectsOf(doc).map(o => deriveCephPool({ kind: 'CephObjectStore', ...o }));
    case 'ceph-mgr-api':
      return [deriveCephHealthReport(doc.health ?? doc)];
    case 'cnpg-cluster':
      return objectsOf(doc).map(o => deriveCnpgCluster(o, {}, { now: observedAt(o) }));
    case 'cnpg-backup':
      return objectsOf(doc).map(deriveCnpgBackup);
    case 'cnpg-scheduledbackup':
      return objectsOf(doc).map(deriveCnpgScheduledBackup);
    case 'raycluster':
      return objectsOf(doc).map(deriveRayCluster);
    case 'rayservice':
      return objectsOf(doc).map(deriveRayService);
    case 'rayjob':
      return objectsOf(doc).map(o => deriveRayJob(o, observedAt(o)));
    case 'ray-dashboard-api': {
      if (doc.applications) return deriveRayDashboard({ serve: doc }).serveApplications!;
      if (doc.app_status) {
        const deployments = Object.fromEntries((doc.deployment_statuses ?? []).map((d: any) => [d.name, d]));
        return deriveRayDashboard({ serve: { applications: { default: { ...doc.app_status, deployments } } } }).serveApplications!;
      }
      if (doc.status) return deriveRayDashboard({ jobs: [doc] }, observedAt(doc)).jobs!;
      const legacy = Object.entries<any>(doc).map(([id, j]) => ({ submission_id: id, status: j.status, message: j.message }));
      return deriveRayDashboard({ jobs: legacy }).jobs!;
    }
    default:
      throw new Error(`No derivation for sample folder ${folder}`);
  }
}

type Expected = {
  /** Severity of each derived object, in document order. */
  severity: Severity[];
  /** What the scenario names, found in what the portal derives. */
  facts: Array<string | RegExp>;
};

/**
 * One row per file of cr-samples/ (its README lists their scenarios). The
 * facts are the key thing each scenario names: a message, a name, a state.
 */
const EXPECTED: Record<string, Expected> = {
  'argocd-application/comparison-error-repo-unreachable-excerpt.yaml': { severity: ['error'], facts: ['ComparisonError', 'server misbehaving'] },
  'argocd-application/degraded-app-of-apps-excerpt.yaml': { severity: ['error'], facts: ['"healthStatus":"Degraded"', 'Health Degraded'] },
  'argocd-application/outofsync-healthy-health-persisted-doc.yaml': { severity: ['warning'], facts: ['"syncStatus":"OutOfSync"', '"healthStatus":"Healthy"', '"name":"my-app"'] },
  'argocd-application/outofsync-healthy-resourcehealthsource-apptree-doc.yaml': { severity: ['warning'], facts: ['Out of sync', '"unhealthyResources":[]'] },
  'argocd-application/outofsync-healthy-sync-failed-retried-syncerror.yaml': { severity: ['error'], facts: ['SyncError', 'retried 5 times', '"operationPhase":"Failed"'] },
  'argocd-application/outofsync-missing-never-synced.yaml': { severity: ['error'], facts: ['"healthStatus":"Missing"', 'Out of sync'] },
  'argocd-application/sync-running-waiting-for-healthy-excerpt.yaml': { severity: ['unknown'], facts: ['waiting for healthy state of rbac.authorization.k8s.io/ClusterRole/external-dns-mobile56-dev'] },
  'argocd-application/synced-healthy-helm-chart-autosync.yaml': { severity: ['ok'], facts: ['"name":"jenkins-helm"', '"attentionReasons":[]'] },
  'argocd-application/synced-healthy-plugin-source-with-history.yaml': { severity: ['ok'], facts: ['"name":"velero-test"', '"operationPhase":"Succeeded"'] },
  'ceph-mgr-api/ceph-status-health-proxmox-ok-noout-osddown-excerpt.yaml': { severity: ['ok', 'warning', 'warning'], facts: ['noout flag(s) set', 'osd.6 (root=default,host=pve3) is down'] },
  'ceph-mgr-api/ceph-status-json-health-ok-empty-checks-luminous-excerpt.yaml': { severity: ['ok'], facts: ['"status":"HEALTH_OK"', '"checks":[]'] },
  'ceph-mgr-api/ceph-status-json-health-warn-luminous.yaml': { severity: ['warning'], facts: ['"id":"OSD_DOWN"', '"id":"POOL_APP_NOT_ENABLED"', 'Reduced data availability: 101 pgs stale'] },
  'ceph-mgr-api/dashboard-api-health-minimal-health-part-reconstructed.yaml': { severity: ['warning'], facts: ['"id":"OSD_HOST_DOWN"', '1 host (1 osds) down'] },
  'cephblockpool/mirroring-healthy-replaying-doc.yaml': { severity: ['ok'], facts: ['"replaying":1', '"name":"mirrored-pool"'] },
  'cephblockpool/mirroring-status-warning-unknown-image-reconstructed.yaml': { severity: ['warning', 'warning'], facts: ['Mirroring WARNING (daemon WARNING, images WARNING)', '"unknown":1'] },
  'cephblockpool/ready-three-pools-with-poolid-pelagia.yaml': { severity: ['ok', 'ok', 'ok'], facts: ['"name":"builtin-mgr"', '"name":"kubernetes-hdd"'] },
  'cephcluster/external-connected-health-warn-pool-no-redundancy.yaml': { severity: ['warning'], facts: ['"external":true', '"id":"POOL_NO_REDUNDANCY"', '"phase":"Connected"'] },
  'cephcluster/health-err-operator-cannot-reach-cluster-reconstructed.yaml': { severity: ['error'], facts: ['{"id":"error","severity":"error","message":"failed to get status.'] },
  'cephcluster/health-err-operator-timeout-with-capacity-reconstructed.yaml': { severity: ['error'], facts: ['timed out: exit status 1', '"stale":true', /"staleAgeHours":\d/] },
  'cephcluster/health-err-osd-down-state-error-argocd-synthetic.yaml': { severity: ['error'], facts: ['{"id":"OSD_DOWN","severity":"error","message":"8 osds down"}'] },
  'cephcluster/health-warn-nearfull-multiple-details-2019.yaml': { severity: ['warning'], facts: ['"id":"OSD_NEARFULL"', '"id":"PG_BACKFILL_FULL"', '"id":"POOL_NEARFULL"'] },
  'cephcluster/health-warn-osd-down-pool-degraded-argocd-synthetic.yaml': { severity: ['warning'], facts: ['"id":"OSD_DOWN"', '"id":"POOL_DEGRADED"'] },
  'cephcluster/health-warn-pool-app-not-enabled.yaml': { severity: ['warning'], facts: ['1 pool(s) do not have an application enabled', '"phase":"Ready"'] },
  'cephcluster/health-warn-recent-crash-too-few-pgs-2020.yaml': { severity: ['warning'], facts: ['8 daemons have recently crashed', '"id":"TOO_FEW_PGS"'] },
  // The README calls this capacity stale, but capacity.lastUpdated equals
  // lastChecked (both 21:35:22Z): it is not older than the health check.
  'cephcluster/health-warn-seven-checks-mgr-down-fs-degraded-excerpt.yaml': { severity: ['warning'], facts: ['no active mgr', '"id":"FS_DEGRADED"', '"stale":false'] },
  'cephcluster/health-warn-too-few-osds-legacy-conditions-2020.yaml': { severity: ['warning'], facts: ['"id":"TOO_FEW_OSDS"', '"progressing":false'] },
  'cephcluster/healthy-ready-doc.yaml': { severity: ['ok'], facts: ['"health":"HEALTH_OK"', '"stale":false'] },
  'cephcluster/healthy-recovered-from-health-err-progressing-condition.yaml': { severity: ['ok'], facts: ['"health":"HEALTH_OK"', '"mon":'] },
  'cephcluster/healthy-squid-rgw-mds-previous-warn-pelagia.yaml': { severity: ['ok'], facts: ['"rgw":', '19.2.3'] },
  'cephcluster/progressing-false-failed-to-create-cluster-excerpt.yaml': { severity: ['error'], facts: ['"reconcileFailure":"failed to create cluster: failed to execute post actions', 'bdev_async_discard'] },
  'cephcluster/state-creating-no-ceph-status-argocd-synthetic.yaml': { severity: ['unknown'], facts: ['"progressing":true', 'Cluster is being created'] },
  'cephfilesystem/ready-minimal-pelagia.yaml': { severity: ['ok'], facts: ['"name":"cephfs-store"', '"phase":"Ready"'] },
  'cephfilesystem/ready-myfs-full-object-2024.yaml': { severity: ['ok'], facts: ['"name":"myfs"'] },
  'cephobjectstore/deleting-reconcile-failed-reconstructed.yaml': { severity: ['warning'], facts: ['"phase":"Deleting"'] },
  'cephobjectstore/phase-failure-argocd-synthetic.yaml': { severity: ['error'], facts: ['"phase":"Failure"'] },
  'cephobjectstore/phase-pending-argocd-synthetic.yaml': { severity: ['warning'], facts: ['"phase":"Pending"'] },
  'cephobjectstore/ready-info-endpoint-argocd-synthetic.yaml': { severity: ['ok'], facts: ['"phase":"Ready"'] },
  'cephobjectstore/ready-insecure-and-secure-endpoints-pelagia.yaml': { severity: ['ok'], facts: ['"name":"rgw-store"'] },
  'cnpg-backup/completed-barman-objectstore-real.yaml': { severity: ['ok'], facts: ['"phase":"completed"', '"method":"barmanObjectStore"'] },
  'cnpg-backup/completed-doc-reconstructed.yaml': { severity: ['ok'], facts: ['"stoppedAt":"2020-10-26T13:57:44Z"'] },
  'cnpg-backup/failed-exit-status-list-reconstructed.yaml': { severity: ['error', 'error', 'error', 'ok'], facts: ['"error":"exit status 4"', '"error":"exit status 1"'] },
  'cnpg-backup/failed-plugin-not-available-reconstructed.yaml': { severity: ['error'], facts: ['requested plugin is not available: barman-cloud.cloudnative-pg.io'] },
  'cnpg-backup/running-doc-reconstructed.yaml': { severity: ['ok'], facts: ['"phase":"running"', '"startedAt":"2020-10-26T13:57:40Z"'] },
  'cnpg-cluster/applying-configuration-all-fenced-status-patch.yaml': { severity: ['warning'], facts: ['Every instance is fenced', 'Applying configuration (PostgreSQL configuration changed)', '"fencedInstances":["*"]'] },
  'cnpg-cluster/archiving-and-backup-failing-doc.yaml': { severity: ['error'], facts: ['WAL archiving failing: unexpected failure invoking barman-cloud-wal-archive: exit status 2', 'Last backup failed: exit status 2', '"state":"failing"'] },
  'cnpg-cluster/backup-recoverability-by-method-excerpt.yaml': { severity: ['warning'], facts: ['"lastSuccessfulBackup":"2025-04-17T16:04:44Z"', '"backupFreshness":"fresh"', '"firstRecoverabilityPoint":"2025-02-04T17:05:58Z"'] },
  'cnpg-cluster/conditions-consistent-systemid-backup-succeeded-excerpt.yaml': { severity: ['warning'], facts: ['"state":"working"', '"since":"2025-08-21T15:47:22Z"'] },
  'cnpg-cluster/failing-over-primary-lost.yaml': { severity: ['error'], facts: ['Failing over (Initiating a failover from cluster-example-2)', '"targetPrimary":"pending"', '2 of 3 instances ready'] },
  'cnpg-cluster/healthy-3-instances.yaml': { severity: ['warning'], facts: ['"phase":"Cluster in healthy state"', '"readyInstances":3', 'No backup configured'] },
  'cnpg-cluster/hibernated.yaml': { severity: ['ok'], facts: ['"hibernated":true', '"problems":[]', '"backupFreshness":"not-applicable","backupExemption":"hibernated"'] },
  'cnpg-cluster/reconciliation-loop-disabled.yaml': { severity: ['warning'], facts: ['Reconciliation disabled', '"reconciliationDisabled":true'] },
  'cnpg-cluster/setting-up-primary.yaml': { severity: ['warning'], facts: ['Setting up primary (Creating primary instance cluster-example-1)', '"progressing":true'] },
  'cnpg-cluster/switchover-in-progress.yaml': { severity: ['warning'], facts: ['Switchover in progress: cluster-example-1 → cluster-example-2', '"switchoverInProgress":true'] },
  'cnpg-scheduledbackup/unsatisfiable-schedule-only-lastchecktime.yaml': { severity: ['error'], facts: ['"neverFires":true', '"schedule":"0 0 0 30 2 0"'] },
  'ray-dashboard-api/jobs-legacy-api-snapshot-succeeded-running-failed-excerpt.yaml': { severity: ['ok', 'ok', 'error'], facts: ['Syntax error: Bad function name'] },
  'ray-dashboard-api/jobs-list-item-stopped-nulls.yaml': { severity: ['warning'], facts: ['Job was intentionally stopped.', '"status":"STOPPED"'] },
  'ray-dashboard-api/jobs-list-item-succeeded-2022.yaml': { severity: ['ok'], facts: ['"durationSeconds":514', '"startTime":"2022-12-19T07:11:07.107Z"'] },
  'ray-dashboard-api/serve-applications-get-doc.yaml': { severity: ['ok'], facts: ['"name":"fruit_stand"', '"replicas":{"RUNNING":1}'] },
  'ray-dashboard-api/serve-deployments-status-v1-doc.yaml': { severity: ['ok'], facts: ['"name":"DAGDriver","status":"HEALTHY"'] },
  'raycluster/conditions-rayclusterready-describe-reconstructed.yaml': { severity: ['ok', 'ok'], facts: ['"headReady":true'] },
  'raycluster/failed-head-pod-forbidden-exceeded-quota.yaml': { severity: ['error'], facts: ['"state":"failed"', 'exceeded quota: compute-deploy'] },
  // The second document is KubeRay 1.2 hiding the same failure behind state
  // "ready" (kuberay#2357): nothing in that status says otherwise.
  'raycluster/failed-worker-quota-v1.1-vs-ready-v1.2-excerpt.yaml': { severity: ['error', 'ok'], facts: ['exceeded quota: low-resource-quota'] },
  'raycluster/multi-host-ready-conditions-excerpt.yaml': { severity: ['ok'], facts: ['"availableWorkers":4', '"headReady":true'] },
  'raycluster/ready-but-head-pod-pending-no-podip.yaml': { severity: ['warning'], facts: ['"state":"ready"', '"headReady":false'] },
  'rayjob/deployment-failed-submissionfailed-but-jobstatus-running-excerpt.yaml': { severity: ['error'], facts: ['"deploymentStatus":"Failed"', '"reason":"SubmissionFailed"'] },
  'rayjob/failed-app-error-deployment-complete-describe-reconstructed.yaml': { severity: ['error'], facts: ['"jobStatus":"FAILED"', 'sample_code.ppy'] },
  'rayjob/lifecycle-initializing-running-complete-reconstructed.yaml': { severity: ['ok', 'ok', 'ok', 'ok'], facts: ['"deploymentStatus":"Initializing"', '"jobStatus":"SUCCEEDED"', '"durationSeconds":16'] },
  'rayjob/succeeded-complete-describe-reconstructed.yaml': { severity: ['ok'], facts: ['Job finished successfully.', '"jobStatus":"SUCCEEDED"'] },
  'rayservice/deployment-updating-unschedulable-replicas-describe-reconstructed.yaml': { severity: ['warning'], facts: ['"name":"fruit_app_DAGDriver","status":"UPDATING"', 'taken more than 30s to be scheduled'] },
  'rayservice/deployment-updating-v1alpha1-list-doc.yaml': { severity: ['warning'], facts: ['"name":"MangoStand","status":"UPDATING"'] },
  'rayservice/multi-app-running-describe-reconstructed.yaml': { severity: ['ok'], facts: ['"name":"fruit_app"', '"name":"math_app"'] },
  'rayservice/pending-app-deploy-failed-import-error-describe-reconstructed.yaml': { severity: ['error'], facts: ['"pendingApplications":[{"name":"mobilenet"', "No module named 'tensorflow'"] },
  'rayservice/pending-cluster-zero-downtime-upgrade-v1alpha1-doc.yaml': { severity: ['unknown'], facts: ['"upgradeInProgress":true', '"pendingRayClusterName":"rayservice-sample-raycluster-bshfr"'] },
  'rayservice/running-healthy-vllm-doc.yaml': { severity: ['ok'], facts: ['"name":"VLLMDeployment","status":"HEALTHY"'] },
  'rayservice/running-llm-deployment-names-with-colons-doc.yaml': { severity: ['ok'], facts: ['"name":"LLMDeployment:deepseek"'] },
  'rayservice/running-single-app-v1alpha1-full-describe-reconstructed.yaml': { severity: ['ok'], facts: ['"serviceStatus":"Running"', '"status":"RUNNING"'] },
};

/** Scenario words that describe a failure: such a sample must never read ok. */
const FAILURE_WORDS = /\b(fail(ed|ure|ing|s)?|error|HEALTH_ERR|degraded|down|unreachable|forbidden|stuck|cannot|DEPLOY_FAILED|UNHEALTHY)\b/i;

/**
 * Objects of failure scenarios that are rightly ok, as `file#document.object`
 * (0-based), each with why.
 */
const OK_IN_FAILURE_SCENARIOS: Record<string, string> = {
  'cnpg-backup/failed-exit-status-list-reconstructed.yaml#0.3': 'the fourth Backup of the list is the completed one after the three failed ones',
  'ray-dashboard-api/jobs-legacy-api-snapshot-succeeded-running-failed-excerpt.yaml#0.0': 'the SUCCEEDED job of the three',
  'ray-dashboard-api/jobs-legacy-api-snapshot-succeeded-running-failed-excerpt.yaml#0.1': 'the RUNNING job of the three',
  'raycluster/failed-worker-quota-v1.1-vs-ready-v1.2-excerpt.yaml#1.0':
    'KubeRay 1.2 hides the quota failure behind state ready (kuberay#2357); nothing in that status says otherwise',
};

/** Scenarios that name a failure only as what they recovered from. */
const RECOVERED = ['cephcluster/healthy-recovered-from-health-err-progressing-condition.yaml'];

describe('every real-world sample in cr-samples/', () => {
  const samples = loadCrSamples();

  it('has one expectation per sample file, and no expectation without a file', () => {
    expect(samples.map(s => s.file)).toEqual(Object.keys(EXPECTED).sort());
    expect(samples).toHaveLength(76);
  });

  it.each(samples.map(s => [s.file, s] as const))('%s', (file, sample) => {
    expect(sample.source).not.toBe('');
    const derived = sample.documents.flatMap(doc => deriveSample(file, doc));
    const expected = EXPECTED[file];
    expect(derived.map(d => d.severity)).toEqual(expected.severity);
    const text = JSON.stringify(derived);
    for (const fact of expected.facts) {
      expect(text).toMatch(typeof fact === 'string' ? new RegExp(fact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : fact);
    }
  });

  it('reads no object of a failure scenario as ok, but those it names as ok', () => {
    // Per derived object (a document may hold several), not per file: one
    // failing object beside an ok one must not hide the other reading ok.
    const okInFailures = samples
      .filter(s => FAILURE_WORDS.test(s.scenario) && !RECOVERED.includes(s.file))
      .flatMap(s =>
        s.documents.flatMap((doc, d) => deriveSample(s.file, doc).map((o, i) => ({ at: `${s.file}#${d}.${i}`, severity: o.severity }))),
      )
      .filter(o => o.severity === 'ok')
      .map(o => o.at);
    expect(okInFailures).toEqual(Object.keys(OK_IN_FAILURE_SCENARIOS).sort());
    // The filter must catch the failure scenarios, or this test proves nothing.
    expect(samples.filter(s => FAILURE_WORDS.test(s.scenario)).length).toBeGreaterThan(20);
  });
});
