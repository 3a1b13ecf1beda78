import { deriveArgoApplication, summarizeArgo } from './argo';
import { failedSync, missing, outOfSyncDegraded, progressing, syncedHealthy } from './__fixtures__/argo';

describe('deriveArgoApplication', () => {
  it.each([
    ['Synced and Healthy', syncedHealthy, { severity: 'ok', syncStatus: 'Synced', healthStatus: 'Healthy', attentionReasons: [], operationPhase: 'Succeeded' }],
    ['OutOfSync and Degraded', outOfSyncDegraded, { severity: 'error', attentionReasons: ['Out of sync', 'Health Degraded'] }],
    ['Missing, path gone', missing, { severity: 'error', healthStatus: 'Missing', attentionReasons: ['Out of sync', 'Health Missing', 'ComparisonError'] }],
    ['last sync failed', failedSync, { severity: 'error', operationPhase: 'Failed', attentionReasons: ['Out of sync', 'Last sync failed'] }],
    ['Progressing', progressing, { severity: 'warning', attentionReasons: ['Health Progressing'] }],
  ])('%s', (_n, obj, expected) => {
    expect(deriveArgoApplication(obj)).toMatchObject(expected);
  });

  it('names the out-of-sync and unhealthy resources', () => {
    const s = deriveArgoApplication(outOfSyncDegraded);
    expect(s.outOfSyncResources).toEqual([{ kind: 'ConfigMap', namespace: 'media', name: 'immich-config', status: 'OutOfSync', health: undefined, message: undefined }]);
    expect(s.unhealthyResources).toEqual([
      { kind: 'Deployment', namespace: 'media', name: 'immich-server', status: 'Synced', health: 'Degraded', message: 'Deployment "immich-server" exceeded its progress deadline' },
    ]);
    expect(deriveArgoApplication(missing).conditions[0].message).toMatch(/app path does not exist/);
  });
});

describe('summarizeArgo', () => {
  it('counts and lists what needs attention, worst first', () => {
    const o = summarizeArgo([syncedHealthy, outOfSyncDegraded, missing, failedSync, progressing].map(deriveArgoApplication));
    expect(o).toMatchObject({ total: 5, synced: 2, outOfSync: 3, healthy: 2, degraded: 1, progressing: 1, missing: 1 });
    expect(o.needsAttention.map(a => a.name)).toEqual(['immich', 'nextcloud', 'plex', 'open-webui']);
  });
});
