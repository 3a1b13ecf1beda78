import { architecturePagePath } from './architecturePage';
import { findDocs } from './findDocs';

const rootDocs = (paths: string[]) => findDocs(paths, []).find(d => d.dir === '');

describe('architecturePagePath', () => {
  it.each([
    [['docs/index.md', 'docs/architecture.md', 'docs/runbooks/ceph.md'], 'architecture/'],
    [['mkdocs.yml', 'docs/Architecture.md'], 'Architecture/'],
    [['docs/architecture/index.md', 'docs/architecture/network.md'], 'architecture/'],
  ])('finds the page in %j at %s', (paths, expected) => {
    expect(architecturePagePath(rootDocs(paths))).toBe(expected);
  });

  it.each([
    [['docs/index.md', 'docs/runbooks/architecture.md']],
    [['docs/architecture-decisions.md']],
    [['README.md', 'architecture.md']],
  ])('finds none in %j', paths => {
    expect(architecturePagePath(rootDocs(paths))).toBeUndefined();
  });

  it('finds none without docs', () => {
    expect(architecturePagePath(undefined)).toBeUndefined();
  });
});
