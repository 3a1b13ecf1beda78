import { buildNav, generateMkdocsConfig, pageTitle } from './generateMkdocsConfig';

describe('pageTitle', () => {
  it.each([
    ['# Jellyfin\n\ntext', 'Jellyfin'],
    ['---\ntitle: x\n---\n## Backups ##\n', 'Backups'],
    ['```\n# not a heading\n```\n# Real one', 'Real one'],
    ['Restore a volume\n================\n', 'Restore a volume'],
    ['no heading at all', 'Cnpg failover'],
  ])('%j -> %s', (content, title) => {
    expect(pageTitle({ path: 'runbooks/cnpg-failover.md', content })).toBe(title);
  });
});

describe('buildNav', () => {
  it('follows the folder tree with the index first and nested folders as sections', () => {
    expect(
      buildNav([
        { path: 'updates/2026-11.md', content: '# November 2026' },
        { path: 'runbooks/restore.md', content: '# Restore a volume' },
        { path: 'architecture.md', content: '# How it fits' },
        { path: 'index.md', content: '# Homelab' },
        { path: 'updates/2026-10.md', content: '# October 2026' },
        { path: 'updates/index.md', content: '# Updates' },
        { path: 'runbooks/deep/dive.md', content: '# Deep dive' },
      ]),
    ).toEqual([
      { Homelab: 'index.md' },
      { 'How it fits': 'architecture.md' },
      { Runbooks: [{ 'Restore a volume': 'runbooks/restore.md' }, { Deep: [{ 'Deep dive': 'runbooks/deep/dive.md' }] }] },
      { Updates: [{ Updates: 'updates/index.md' }, { 'October 2026': 'updates/2026-10.md' }, { 'November 2026': 'updates/2026-11.md' }] },
    ]);
  });
});

describe('generateMkdocsConfig', () => {
  it('names the site and the docs folder', () => {
    expect(generateMkdocsConfig('jellyfin', [{ path: 'index.md', content: '# Jellyfin' }])).toEqual({
      site_name: 'jellyfin',
      docs_dir: 'docs',
      nav: [{ Jellyfin: 'index.md' }],
      plugins: ['search'],
      markdown_extensions: ['admonition', 'tables', { toc: { permalink: true } }],
    });
  });
});
