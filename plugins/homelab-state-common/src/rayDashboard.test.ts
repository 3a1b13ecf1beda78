import type { RayJobDetails, RayServeApplicationsResponse } from './rayDashboard';
import { deriveRayDashboard } from './rayDashboard';

// Shaped like what `GET /api/jobs/` answers on the ray-batch cluster.
const jobs: RayJobDetails[] = [
  {
    type: 'SUBMISSION',
    job_id: '02000000',
    submission_id: 'raysubmit_4LamXRuQpYdSMg7J',
    status: 'SUCCEEDED',
    entrypoint: 'python embed.py --shard 3',
    message: 'Job finished successfully.',
    error_type: null,
    start_time: 1764064800000,
    end_time: 1764066330500,
    metadata: {},
  },
  {
    type: 'SUBMISSION',
    job_id: '03000000',
    submission_id: 'raysubmit_1dxCeNvG1fCMVNHG',
    status: 'RUNNING',
    entrypoint: 'python train.py --epochs 4',
    message: 'Job is currently running.',
    error_type: null,
    start_time: 1764070200000,
    end_time: null,
  },
  {
    type: 'SUBMISSION',
    job_id: null,
    submission_id: 'raysubmit_pending',
    status: 'PENDING',
    entrypoint: 'python eval.py',
    message: 'Job has not started yet.',
    start_time: null,
    end_time: null,
  },
  {
    type: 'SUBMISSION',
    job_id: '01000000',
    submission_id: 'raysubmit_oom',
    status: 'FAILED',
    entrypoint: 'python embed.py --shard 1',
    message: 'Job entrypoint command failed with exit code 137',
    error_type: 'JOB_ENTRYPOINT_COMMAND_ERROR',
    start_time: 1764050000000,
    end_time: 1764050600000,
  },
  { job_id: '00000000', status: 'STOPPED', entrypoint: 'sleep 3600', message: '', start_time: 1764040000000, end_time: 1764040060000 },
];

// Shaped like what `GET /api/serve/applications/` answers on llm-serve's cluster.
const serve: RayServeApplicationsResponse = {
  applications: {
    llm: {
      name: 'llm',
      route_prefix: '/v1',
      status: 'RUNNING',
      message: '',
      last_deployed_time_s: 1764064800.25,
      deployments: {
        LLMServer: {
          name: 'LLMServer',
          status: 'HEALTHY',
          message: '',
          target_num_replicas: 2,
          replicas: [{ state: 'RUNNING' }, { state: 'RUNNING' }],
        },
        OpenAiIngress: { name: 'OpenAiIngress', status: 'HEALTHY', message: '', replica_states: { RUNNING: 1 } },
      },
    },
    embeddings: {
      name: 'embeddings',
      route_prefix: '/embed',
      status: 'DEPLOYING',
      message: '',
      deployments: {
        Embedder: {
          name: 'Embedder',
          status: 'UPDATING',
          message: 'Deployment Embedder has 1 replicas that have taken more than 30s to initialize.',
          replicas: [{ state: 'RUNNING' }, { state: 'STARTING' }],
        },
      },
    },
    rerank: {
      status: 'DEPLOY_FAILED',
      message: 'Deploying application rerank failed: ModuleNotFoundError',
      route_prefix: null,
      deployments: { Reranker: { status: 'UNHEALTHY', message: 'The deployment failed to start 3 times in a row.' } },
    },
  },
};

describe('deriveRayDashboard', () => {
  it.each([
    [
      'a finished job',
      jobs[0],
      {
        jobId: '02000000',
        submissionId: 'raysubmit_4LamXRuQpYdSMg7J',
        status: 'SUCCEEDED',
        entrypoint: 'python embed.py --shard 3',
        message: 'Job finished successfully.',
        startTime: '2025-11-25T10:00:00.000Z',
        endTime: '2025-11-25T10:25:30.500Z',
        durationSeconds: 1531,
        severity: 'ok',
      },
    ],
    [
      'a running job, counting up to now',
      jobs[1],
      {
        jobId: '03000000',
        submissionId: 'raysubmit_1dxCeNvG1fCMVNHG',
        status: 'RUNNING',
        entrypoint: 'python train.py --epochs 4',
        message: 'Job is currently running.',
        startTime: '2025-11-25T11:30:00.000Z',
        durationSeconds: 1800,
        severity: 'ok',
      },
    ],
    [
      'a pending job, without id or times',
      jobs[2],
      { submissionId: 'raysubmit_pending', status: 'PENDING', entrypoint: 'python eval.py', message: 'Job has not started yet.', severity: 'ok' },
    ],
    ['a failed job', jobs[3], expect.objectContaining({ status: 'FAILED', durationSeconds: 600, severity: 'error' })],
    ['a stopped job without message', jobs[4], expect.not.objectContaining({ message: expect.anything() })],
    ['a stopped job', jobs[4], expect.objectContaining({ status: 'STOPPED', severity: 'warning' })],
    ['an unknown status', { job_id: '9', status: 'WEIRD' }, { jobId: '9', status: 'WEIRD', severity: 'unknown' }],
  ])('derives %s', (_name, job, expected) => {
    const { jobs: derived } = deriveRayDashboard({ jobs: [job] }, new Date('2025-11-25T12:00:00Z'));
    expect(derived).toEqual([expected]);
  });

  it('lists jobs newest first, jobs not started last', () => {
    const derived = deriveRayDashboard({ jobs }, new Date('2025-11-25T12:00:00Z')).jobs!;
    expect(derived.map(j => j.submissionId)).toEqual([
      'raysubmit_1dxCeNvG1fCMVNHG',
      'raysubmit_4LamXRuQpYdSMg7J',
      'raysubmit_oom',
      undefined,
      'raysubmit_pending',
    ]);
  });

  it('leaves a running job without duration when no time is given', () => {
    expect(deriveRayDashboard({ jobs: [jobs[1]] }).jobs![0]).not.toHaveProperty('durationSeconds');
  });

  it('derives Serve applications, counting replicas by state', () => {
    expect(deriveRayDashboard({ serve }).serveApplications).toEqual([
      {
        name: 'llm',
        status: 'RUNNING',
        routePrefix: '/v1',
        lastDeployedTime: '2025-11-25T10:00:00.250Z',
        severity: 'ok',
        deployments: [
          { name: 'LLMServer', status: 'HEALTHY', severity: 'ok', replicas: { RUNNING: 2 } },
          { name: 'OpenAiIngress', status: 'HEALTHY', severity: 'ok', replicas: { RUNNING: 1 } },
        ],
      },
      {
        name: 'embeddings',
        status: 'DEPLOYING',
        routePrefix: '/embed',
        severity: 'warning',
        deployments: [
          {
            name: 'Embedder',
            status: 'UPDATING',
            message: 'Deployment Embedder has 1 replicas that have taken more than 30s to initialize.',
            severity: 'warning',
            replicas: { RUNNING: 1, STARTING: 1 },
          },
        ],
      },
      {
        name: 'rerank',
        status: 'DEPLOY_FAILED',
        message: 'Deploying application rerank failed: ModuleNotFoundError',
        severity: 'error',
        deployments: [
          {
            name: 'Reranker',
            status: 'UNHEALTHY',
            message: 'The deployment failed to start 3 times in a row.',
            severity: 'error',
            replicas: {},
          },
        ],
      },
    ]);
  });

  it.each([
    ['nothing asked', {}, {}],
    ['only jobs', { jobs: [] }, { jobs: [] }],
    ['Serve not running', { serve: {} }, { serveApplications: [] }],
    ['no applications', { serve: { applications: {} } }, { serveApplications: [] }],
  ])('leaves out what was not given: %s', (_name, answers, expected) => {
    expect(deriveRayDashboard(answers)).toEqual(expected);
  });
});
