import { ConfigReader } from '@backstage/config';
import { readGitOpsSources } from './GitOpsSource';

const read = (sources: any[], extra: Record<string, any> = {}) =>
  readGitOpsSources(new ConfigReader({ homelab: { gitops: { sources, ...extra } } }));

describe('readGitOpsSources', () => {
  it('reads a local source with defaults', () => {
    const [s] = read([{ id: 'homelab-gitops', path: '/srv/gitops' }]);
    expect(s).toMatchObject({
      id: 'homelab-gitops',
      path: '/srv/gitops',
      owner: 'group:admins',
      schedule: { frequency: { minutes: 5 } },
    });
    expect(s.layout.apps[0]).toEqual({ root: 'cluster/apps', unit: 'directory', exclude: ['shared'] });
    expect(s.rules).toContain('ingress-tls');
    expect(s.maxFileSizeBytes).toBe(4 * 1024 * 1024);
  });

  it('reads the per-file size limit', () => {
    expect(read([{ id: 'a', path: '/x', maxFileSizeBytes: 8388608 }])[0].maxFileSizeBytes).toBe(8388608);
  });

  it('reads a remote source with its layout and rules', () => {
    const [s] = read(
      [
        {
          id: 'flat',
          url: 'https://github.com/example/flat-homelab/tree/main/',
          layout: { apps: [{ root: 'apps/', unit: 'file' }], websiteDomains: [] },
          scorecard: { rules: ['ingress-tls'] },
        },
      ],
      { owner: 'group:friends' },
    );
    expect(s).toMatchObject({
      url: 'https://github.com/example/flat-homelab/tree/main/',
      browseUrl: 'https://github.com/example/flat-homelab/tree/main',
      owner: 'group:friends',
      rules: ['ingress-tls'],
    });
    expect(s.layout.apps).toEqual([{ root: 'apps', unit: 'file', exclude: ['shared'], domain: undefined }]);
  });

  it.each([
    [[{ id: 'a' }], 'homelab.gitops.sources[0] (a) needs exactly one of path or url'],
    [[{ id: 'a', path: '/x', url: 'https://x' }], 'needs exactly one of path or url'],
    [[{ id: 'a', path: '/x' }, { id: 'a', path: '/y' }], 'homelab.gitops.sources[1].id "a" is used twice'],
    [[{ id: 'Bad_Id', path: '/x' }], 'must be lowercase letters, digits and dashes'],
    [[{ id: 'a', path: '/x', scorecard: { rules: ['vibes'] } }], 'unknown rule(s) vibes'],
    [[{ id: 'a', path: '/x', layout: { apps: [{ root: 'apps', unit: 'folder' }] } }], 'apps[].unit must be "directory" or "file"'],
    [[{ id: 'a', path: '/x', maxFileSizeBytes: 0 }], 'maxFileSizeBytes must be a positive whole number of bytes, got 0'],
  ])('refuses %j', (sources, message) => {
    expect(() => read(sources)).toThrow(message);
  });

  it('is off without configuration', () => {
    expect(readGitOpsSources(new ConfigReader({}))).toEqual([]);
  });
});
