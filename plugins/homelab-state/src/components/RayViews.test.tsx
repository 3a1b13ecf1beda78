import { renderInTestApp } from '@backstage/frontend-test-utils';
import { deriveRayCluster, deriveRayDashboard, deriveRayService } from '@internal/plugin-homelab-state-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { RayClusterView, RayServiceView } from './RayViews';

const snapshot = resolve(__dirname, '../../../../examples/cluster-snapshot');
const items = (file: string) => parse(readFileSync(resolve(snapshot, file), 'utf8')).items;
const rayCluster = deriveRayCluster(items('rayclusters.ray.io.yaml')[0]);
const rayService = deriveRayService(items('rayservices.ray.io.yaml')[0]);

describe('Ray views with the Ray dashboard', () => {
  it("shows a cluster's jobs", async () => {
    const dashboard = deriveRayDashboard({
      jobs: [
        {
          submission_id: 'raysubmit_1',
          status: 'FAILED',
          entrypoint: 'python warmup.py',
          message: 'Job entrypoint command failed with exit code 1',
          start_time: 1795600800000,
          end_time: 1795600890000,
        },
      ],
    });
    const { getByText } = await renderInTestApp(<RayClusterView summary={rayCluster} dashboard={dashboard} />);
    expect(getByText('Jobs (Ray dashboard)')).toBeInTheDocument();
    expect(getByText('FAILED')).toBeInTheDocument();
    expect(getByText('python warmup.py')).toBeInTheDocument();
    expect(getByText('1 min 30 s')).toBeInTheDocument();
    expect(getByText('Job entrypoint command failed with exit code 1')).toBeInTheDocument();
  });

  it("shows the service's Serve applications with route prefix and replicas", async () => {
    const dashboard = deriveRayDashboard({
      serve: {
        applications: {
          chat: {
            status: 'RUNNING',
            route_prefix: '/v1',
            deployments: { ChatServer: { status: 'HEALTHY', replicas: [{ state: 'RUNNING' }, { state: 'STARTING' }] } },
          },
        },
      },
    });
    const { getByText } = await renderInTestApp(<RayServiceView summary={rayService} dashboard={dashboard} />);
    expect(getByText('Serve applications (Ray dashboard)')).toBeInTheDocument();
    expect(getByText('/v1')).toBeInTheDocument();
    expect(getByText('1 running, 1 starting')).toBeInTheDocument();
  });

  it('shows nothing from the dashboard when it is absent', async () => {
    const { queryByText } = await renderInTestApp(<RayClusterView summary={rayCluster} />);
    expect(queryByText('Jobs (Ray dashboard)')).toBeNull();
  });
});
