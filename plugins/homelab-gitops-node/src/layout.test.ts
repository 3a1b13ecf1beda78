import { ConfigReader } from '@backstage/config';
import { DEFAULT_LAYOUT, readGitOpsLayout, systemForPath, systemForResource } from './layout';

describe('readGitOpsLayout', () => {
  it('is the default layout without configuration', () => {
    expect(readGitOpsLayout()).toBe(DEFAULT_LAYOUT);
    expect(readGitOpsLayout(new ConfigReader({}))).toEqual(DEFAULT_LAYOUT);
  });

  it('reads every key over the defaults, trimming trailing slashes', () => {
    const layout = readGitOpsLayout(
      new ConfigReader({
        apps: [{ root: 'apps/', unit: 'file', domain: 'home' }],
        platformDomain: 'infra',
        appSystem: 'apps-{domain}',
        systems: [{ path: 'infra/db/', system: 'databases' }],
        defaultPlatformSystem: 'misc',
        websiteDomains: [],
        resourceSystems: { cache: 'caches' },
      }),
    );
    expect(layout).toEqual({
      apps: [{ root: 'apps', unit: 'file', domain: 'home', exclude: ['shared'] }],
      platformDomain: 'infra',
      appSystem: 'apps-{domain}',
      systems: [{ path: 'infra/db', system: 'databases' }],
      defaultPlatformSystem: 'misc',
      websiteDomains: [],
      resourceSystems: { ...DEFAULT_LAYOUT.resourceSystems, cache: 'caches' },
    });
  });

  it.each([
    [{ apps: [{ root: 'a', unit: 'folder' }] }, 'apps[].unit must be "directory" or "file", got "folder"'],
    [{ resourceSystems: { database: 'data' } }, 'resourceSystems.database is not a resource type'],
  ])('refuses %j', (config, message) => {
    expect(() => readGitOpsLayout(new ConfigReader(config))).toThrow(message);
  });
});

describe('systemForPath', () => {
  it.each([
    ['cluster/platform/base/storage/rook-ceph', 'storage'],
    ['cluster/apps/media/shared', 'media-apps'],
    ['cluster/apps/shared/ingress', 'networking'],
    ['cluster/bootstrap', 'gitops'],
    ['cluster/platform/unknown/thing', undefined],
    ['cluster', undefined],
  ])('%s is in system %s', (path, system) => {
    expect(systemForPath(DEFAULT_LAYOUT, path)).toBe(system);
  });

  it('takes the first matching rule', () => {
    const layout = { ...DEFAULT_LAYOUT, systems: [{ path: 'a/*', system: 'first-{domain}' }, { path: 'a/b', system: 'second' }] };
    expect(systemForPath(layout, 'a/b/c')).toBe('first-b');
  });
});

describe('systemForResource', () => {
  it('maps by type, then the defining component, then the fallback', () => {
    expect(systemForResource(DEFAULT_LAYOUT, 'cache', 'ai-apps')).toBe('data');
    expect(systemForResource(DEFAULT_LAYOUT, 'ray-service', 'ai-apps')).toBe('ai-apps');
    expect(systemForResource(DEFAULT_LAYOUT, 'ray-job')).toBe('platform');
  });
});
