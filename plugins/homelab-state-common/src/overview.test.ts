import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { STATE_KINDS } from './kinds';
import type { StateKindKey } from './kinds';
import { buildPlatformOverview } from './overview';
import type { StateLists } from './overview';

const snapshot = resolve(__dirname, '../../../examples/cluster-snapshot');
const lists = Object.fromEntries(
  (Object.keys(STATE_KINDS) as StateKindKey[]).map(key => {
    const k = STATE_KINDS[key];
    const items = parse(readFileSync(join(snapshot, `${k.plural}.${k.group}.yaml`), 'utf8')).items;
    return [key, [{ cluster: 'homelab', items, fetchedAt: '2026-11-25T12:00:00Z' }]];
  }),
) as StateLists;

describe('buildPlatformOverview on the recorded example cluster', () => {
  const o = buildPlatformOverview(lists, { now: new Date('2026-11-25T12:00:00Z') });

  it('derives every view from the one set of lists', () => {
    expect(o.errors).toEqual([]);
    expect(o.ceph.clusters.map(c => [c.name, c.health, c.capacity?.percentUsed])).toEqual([['rook-ceph', 'HEALTH_WARN', 71]]);
    expect(o.ceph.pools.map(p => p.phase)).toEqual(['Ready', 'Ready']);
    expect(o.ray.clusters.find(c => c.name === 'ray-batch')).toMatchObject({ suspended: true, severity: 'warning' });
    expect(o.ray.jobs[0]).toMatchObject({ name: 'rag-ingest', jobStatus: 'FAILED', severity: 'error', durationSeconds: 466 });
    expect(o.ray.services[0].applications[0].deployments.find(d => d.status === 'UNHEALTHY')?.name).toBe('LLMServer:code-7b');
  });

  it('lists Postgres clusters worst first, each with its problems', () => {
    expect(o.cnpg.map(c => [c.name, c.severity])).toEqual([
      ['pg-ai', 'error'],
      ['pg-media', 'warning'],
      ['pg-other', 'warning'],
      ['pg-platform', 'ok'],
      ['pg-productivity', 'ok'],
    ]);
    expect(o.cnpg.find(c => c.name === 'pg-other')?.problems).toEqual(['Last successful backup is 74 h old (over 26 h)', 'No ScheduledBackup']);
  });

  it('counts Argo applications and lists those needing attention', () => {
    expect(o.argo).toMatchObject({ total: 49, synced: 46, outOfSync: 2, degraded: 2, progressing: 1 });
    expect(o.argo.needsAttention.map(a => a.name)).toEqual(['immich', 'paperless-ngx', 'plex', 'root', 'nextcloud']);
  });
});
