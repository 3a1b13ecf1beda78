import { deriveRayCluster, deriveRayJob, deriveRayService } from './ray';
import { rayClusterReady, rayClusterSuspended, rayJobFailed, rayJobRunning, rayServiceUnhealthy } from './__fixtures__/ray';

const now = new Date('2026-11-25T12:00:00Z');

describe('deriveRayCluster', () => {
  it.each([
    ['ready', rayClusterReady, { state: 'ready', severity: 'ok', suspended: false, headReady: true, readyWorkers: 1, desiredGPU: '1', desiredMemory: '56Gi' }],
    ['suspended', rayClusterSuspended, { state: 'suspended', severity: 'warning', suspended: true, desiredWorkers: 0, maxWorkers: 4 }],
  ])('%s', (_n, obj, expected) => {
    expect(deriveRayCluster(obj)).toMatchObject(expected);
  });

  it('lists worker groups with desired/min/max', () => {
    expect(deriveRayCluster(rayClusterReady).workerGroups).toEqual([{ name: 'gpu-workers', desired: 1, min: 1, max: 2 }]);
  });
});

describe('deriveRayService', () => {
  it('reports every Serve application and deployment, and the unhealthy one as an error', () => {
    const s = deriveRayService(rayServiceUnhealthy);
    expect(s).toMatchObject({ severity: 'error', ready: true, upgradeInProgress: false, rayClusterName: 'llm-serve-raycluster-7xk2p', numServeEndpoints: 1 });
    expect(s.applications.map(a => [a.name, a.status, a.severity])).toEqual([
      ['llm', 'RUNNING', 'ok'],
      ['embeddings', 'UNHEALTHY', 'error'],
    ]);
    expect(s.applications[1].deployments[0]).toMatchObject({ name: 'Embedder', status: 'UNHEALTHY', message: expect.stringContaining('CUDA out of memory') });
  });

  it('is healthy when every application runs', () => {
    const apps = { ...rayServiceUnhealthy.status.activeServiceStatus.applicationStatuses };
    delete apps.embeddings;
    const ok = { ...rayServiceUnhealthy, status: { ...rayServiceUnhealthy.status, activeServiceStatus: { ...rayServiceUnhealthy.status.activeServiceStatus, applicationStatuses: apps } } };
    expect(deriveRayService(ok).severity).toBe('ok');
  });
});

describe('deriveRayJob', () => {
  it.each([
    ['failed', rayJobFailed, { severity: 'error', jobStatus: 'FAILED', deploymentStatus: 'Failed', durationSeconds: 2467 }],
    ['running (duration counts up to now)', rayJobRunning, { severity: 'ok', jobStatus: 'RUNNING', durationSeconds: 1800, endTime: undefined }],
  ])('%s', (_n, obj, expected) => {
    expect(deriveRayJob(obj, now)).toMatchObject(expected);
  });

  it('keeps the failure message', () => {
    expect(deriveRayJob(rayJobFailed, now).message).toMatch(/remaining connection slots are reserved/);
  });
});

describe('deriveRayService during an upgrade and across API versions', () => {
  const service = (status: object) => ({ metadata: { name: 'llm', namespace: 'ai' }, status });

  it.each(['DEPLOY_FAILED', 'UNHEALTHY'])('shows a %s Serve app of the pending cluster with its message', appStatus => {
    const s = deriveRayService(service({
      activeServiceStatus: { rayClusterName: 'llm-old', applicationStatuses: { llm: { status: 'RUNNING', serveDeploymentStatuses: { VLLM: { status: 'HEALTHY' } } } } },
      pendingServiceStatus: { rayClusterName: 'llm-new', applicationStatuses: { llm: { status: appStatus, message: "Deploying app 'llm' failed: ModuleNotFoundError" } } },
    }));
    expect(s).toMatchObject({ severity: 'error', upgradeInProgress: true, pendingRayClusterName: 'llm-new' });
    expect(s.applications.map(a => [a.name, a.severity])).toEqual([['llm', 'ok']]);
    expect(s.pendingApplications).toEqual([
      { name: 'llm', status: appStatus, message: "Deploying app 'llm' failed: ModuleNotFoundError", severity: 'error', deployments: [] },
    ]);
  });

  it.each(['DEPLOY_FAILED', 'UNHEALTHY'])('shows a %s Serve app of the active cluster', appStatus => {
    const s = deriveRayService(service({ activeServiceStatus: { applicationStatuses: { llm: { status: appStatus, message: 'replica crashed' } } } }));
    expect(s.severity).toBe('error');
    expect(s.applications[0]).toMatchObject({ status: appStatus, message: 'replica crashed', severity: 'error' });
  });

  it('reads the list-shaped serveDeploymentStatuses of v1alpha1 as well as the map', () => {
    const list = deriveRayService(service({
      activeServiceStatus: { appStatus: { status: 'RUNNING' }, serveDeploymentStatuses: [{ name: 'Mango', status: 'HEALTHY' }, { name: 'Pear', status: 'UNHEALTHY', message: 'boom' }] },
    }));
    expect(list.applications).toEqual([
      {
        name: 'default',
        status: 'RUNNING',
        message: undefined,
        severity: 'error',
        deployments: [
          { name: 'Mango', status: 'HEALTHY', message: undefined, severity: 'ok' },
          { name: 'Pear', status: 'UNHEALTHY', message: 'boom', severity: 'error' },
        ],
      },
    ]);
    const listInApp = deriveRayService(service({
      activeServiceStatus: { applicationStatuses: { fruit: { status: 'RUNNING', serveDeploymentStatuses: [{ name: 'Mango', status: 'UPDATING' }] } } },
    }));
    expect(listInApp.applications[0].deployments).toEqual([{ name: 'Mango', status: 'UPDATING', message: undefined, severity: 'warning' }]);
  });
});
