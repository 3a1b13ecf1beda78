import { STATE_KINDS } from '@internal/plugin-homelab-state-common';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RecordedObjectsSource } from './RecordedObjectsSource';

const snapshot = resolve(__dirname, '../../../../examples/cluster-snapshot');

describe('RecordedObjectsSource', () => {
  it('serves the recorded example cluster', async () => {
    const source = new RecordedObjectsSource(snapshot, 'homelab');
    expect(source.clusters()).toEqual(['homelab']);
    const clusters = await source.list('homelab', STATE_KINDS.cnpgCluster);
    expect(clusters.map(c => c.metadata.name).sort()).toEqual(['pg-ai', 'pg-media', 'pg-other', 'pg-platform', 'pg-productivity']);
    expect(await source.list('homelab', STATE_KINDS.cephObjectStore)).toEqual([]);
  });

  it('reads core-group kinds from <plural>.yaml', async () => {
    const pod = { id: 'pods', group: '', version: 'v1', plural: 'pods', kind: 'Pod' };
    const pods = await new RecordedObjectsSource(snapshot, 'homelab').list('homelab', pod);
    expect(pods.map(p => `${p.metadata.namespace}/${p.metadata.name}`).sort()).toEqual([
      'media/immich-machine-learning-wtb6cxs9t4-vl7jl',
      'media/immich-server-gpp59kfxvz-8rvdn',
      'media/immich-server-gpp59kfxvz-cw6ng',
      'media/jellyfin-hbpr9gld2h-ktpqq',
      'productivity/vaultwarden-nx44vrtpmm-vp9h4',
    ]);
  });

  it('reads a missing recording as a kind that is not installed', async () => {
    const source = new RecordedObjectsSource(mkdtempSync(join(tmpdir(), 'rec-')), 'lab');
    await expect(source.list('lab', STATE_KINDS.rayJob)).rejects.toMatchObject({
      error: { type: 'not-installed', cluster: 'lab', kind: 'ray-job', message: expect.stringContaining('RayJob is not installed in cluster lab') },
    });
  });

  it('names the file and line of a broken recording', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rec-'));
    writeFileSync(join(dir, 'rayjobs.ray.io.yaml'), 'apiVersion: v1\nitems:\n  - kind: RayJob\n    metadata: {name: x\n');
    await expect(new RecordedObjectsSource(dir, 'lab').list('lab', STATE_KINDS.rayJob)).rejects.toMatchObject({
      error: { type: 'unknown', message: expect.stringMatching(/rayjobs\.ray\.io\.yaml:\d+ is not valid YAML/) },
    });
  });
});
