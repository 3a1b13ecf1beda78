import type { DocsLocation } from './findDocs';

// `docs/architecture.md` or `docs/architecture/index.md`, any case: the name
// people give the page, in the docs folder MkDocs reads by default.
const ARCHITECTURE_PAGE = /^docs\/architecture(\.md|\/index\.md)$/i;

/**
 * Where the hand-written architecture page of a docs site is, as a path
 * below the site's root (`architecture/`), or undefined when it has none.
 *
 * @public
 */
export function architecturePagePath(location: DocsLocation | undefined): string | undefined {
  const page = location?.pages.find(p => ARCHITECTURE_PAGE.test(p));
  if (!page) return undefined;
  // MkDocs' directory URLs: docs/architecture.md and docs/architecture/index.md both serve at architecture/.
  return `${page.slice('docs/'.length).replace(/(\/index)?\.md$/i, '')}/`;
}
