import type { Entity } from '@backstage/catalog-model';
import type { PlatformOverview } from '@internal/plugin-homelab-state-common';
import { argoStatus, domainOf, scorecardSummary } from './catalogColumns';

const jellyfin: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'jellyfin',
    annotations: {
      'argocd/app-name': 'jellyfin',
      'homelab.dev/scorecard': JSON.stringify([
        { rule: 'image-pinned', passed: true, message: 'images pinned' },
        { rule: 'ingress-tls', passed: false, message: 'Ingress jellyfin has no tls section', file: 'cluster/apps/media/jellyfin/ingress.yaml' },
        { rule: 'non-root', passed: true, message: 'runs as non-root' },
      ]),
    },
  },
  spec: { type: 'service', owner: 'group:admins', system: 'media-apps' },
};
const overview = {
  argo: { applications: [{ name: 'jellyfin', syncStatus: 'OutOfSync', healthStatus: 'Healthy', severity: 'warning' }] },
} as unknown as PlatformOverview;

describe('catalog columns', () => {
  it('counts passed scorecard findings, and has none without or with a broken annotation', () => {
    expect(scorecardSummary(jellyfin)).toEqual({ passed: 2, total: 3 });
    expect(scorecardSummary({ ...jellyfin, metadata: { name: 'x' } })).toBeUndefined();
    expect(scorecardSummary({ ...jellyfin, metadata: { name: 'x', annotations: { 'homelab.dev/scorecard': '{' } } })).toBeUndefined();
  });

  it("shows the Argo CD app's sync / health from the overview", () => {
    expect(argoStatus(jellyfin, overview)).toEqual({ text: 'OutOfSync Healthy', severity: 'warning' });
    expect(argoStatus({ ...jellyfin, metadata: { name: 'x', annotations: { 'argocd/app-name': 'gone' } } }, overview)).toEqual({
      text: 'not in cluster',
      severity: 'unknown',
    });
    expect(argoStatus(jellyfin, undefined)).toBeUndefined();
    expect(argoStatus({ ...jellyfin, metadata: { name: 'y' } }, overview)).toBeUndefined();
  });

  it('finds the domain through the system', () => {
    const systems = new Map([['media-apps', 'media']]);
    expect(domainOf(jellyfin, systems)).toBe('media');
    expect(domainOf({ ...jellyfin, spec: { system: 'system:default/media-apps' } }, systems)).toBe('media');
    expect(domainOf({ ...jellyfin, spec: {} }, systems)).toBeUndefined();
    expect(domainOf({ apiVersion: 'v1', kind: 'System', metadata: { name: 's' }, spec: { domain: 'ai' } }, systems)).toBe('ai');
  });
});
