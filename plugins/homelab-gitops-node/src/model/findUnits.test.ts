import { DEFAULT_LAYOUT } from '../layout';
import { argoApp, kustomization, parseRepo } from '../testing/parseRepo';
import { findUnits } from './findUnits';

describe('findUnits', () => {
  const repo = parseRepo({
    'cluster/apps/media/jellyfin/kustomization.yaml': kustomization,
    'cluster/apps/ai/qdrant/kustomization.yaml': kustomization,
    'cluster/apps/ai/qdrant/values.yaml': 'a: 1\n',
    'cluster/apps/web/site/prod/kustomization.yaml': kustomization,
    'cluster/apps/web/site/staging/kustomization.yaml': kustomization,
    'cluster/apps/media/shared/kustomization.yaml': kustomization,
    'cluster/platform/base/storage/rook-ceph/kustomization.yaml': kustomization,
    'charts/servarr/Chart.yaml': 'name: servarr\nversion: 1.0.0\n',
    'charts/servarr/templates/deployment.yaml': '{{ broken: [ }}\n',
    'argocd/jellyfin-app.yaml': argoApp('jellyfin', '  source: {path: cluster/apps/media/jellyfin}\n'),
    // Values ref only, no path source: still the qdrant folder's Application.
    'argocd/qdrant-app.yaml': argoApp(
      'qdrant',
      '  sources:\n  - {chart: qdrant, repoURL: r, helm: {valueFiles: [$values/cluster/apps/ai/qdrant/values.yaml]}}\n  - {ref: values, repoURL: g}\n',
    ),
    'argocd/rook-ceph-app.yaml': argoApp('rook-ceph', '  source: {path: cluster/platform/base/storage/rook-ceph}\n'),
    'argocd/volsync-app.yaml': argoApp('volsync', '  source: {chart: volsync, repoURL: r, helm: {values: "a: 1"}}\n'),
    'argocd/arr-app.yaml': argoApp('arr', '  source: {path: charts/servarr, repoURL: g}\n'),
    'argocd/plex-app.yaml': argoApp('plex', '  source: {path: cluster/apps/media/plex}\n'),
    'argocd/site-app.yaml': argoApp('site-prod', '  source: {path: cluster/apps/web/site/prod}\n'),
  });
  const found = findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts);
  const byName = Object.fromEntries(found.map(f => [f.unit.name, f]));

  it('finds app folders, variants, and a platform component per other Argo app', () => {
    expect(
      found.map(f => [f.unit.name, f.unit.layer, f.unit.unit, f.unit.path, f.unit.system, f.unit.argoApps.map(a => a.name)]),
    ).toEqual([
      ['qdrant', 'app', 'directory', 'cluster/apps/ai/qdrant', 'ai-apps', ['qdrant']],
      ['jellyfin', 'app', 'directory', 'cluster/apps/media/jellyfin', 'media-apps', ['jellyfin']],
      ['site-prod', 'app', 'directory', 'cluster/apps/web/site/prod', 'web-apps', ['site-prod']],
      ['site-staging', 'app', 'directory', 'cluster/apps/web/site/staging', 'web-apps', []],
      // A vendored chart's Application without a folder of its own is Helm only.
      ['arr', 'platform', 'file', 'argocd/arr-app.yaml', 'platform', ['arr']],
      ['plex', 'app', 'directory', 'cluster/apps/media/plex', 'media-apps', ['plex']],
      ['rook-ceph', 'platform', 'directory', 'cluster/platform/base/storage/rook-ceph', 'storage', ['rook-ceph']],
      ['volsync', 'platform', 'file', 'argocd/volsync-app.yaml', 'platform', ['volsync']],
    ]);
  });

  it('gives each unit the files it owns', () => {
    expect(byName.qdrant.owns('cluster/apps/ai/qdrant/values.yaml')).toBe(true);
    expect(byName.volsync.owns('argocd/volsync-app.yaml')).toBe(true);
    expect(byName.volsync.owns('argocd/plex-app.yaml')).toBe(false);
    expect(byName.arr.owns('charts/servarr/templates/deployment.yaml')).toBe(false);
  });

  it('does not change its inputs', () => {
    const before = JSON.stringify(repo);
    findUnits(DEFAULT_LAYOUT, repo.paths, repo.manifests, repo.argoApps, repo.charts);
    expect(JSON.stringify(repo)).toBe(before);
  });
});
