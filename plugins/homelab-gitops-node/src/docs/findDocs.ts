/**
 * Where one entity's documentation lives in the repo, and how it is shaped.
 *
 * @public
 */
export interface DocsLocation {
  /** Repo-relative directory the docs belong to ('' for the repo root). */
  dir: string;
  /**
   * `mkdocs`: the directory carries its own mkdocs.yml, used as written.
   * `folder`: a `docs/` folder without mkdocs.yml; the portal generates the config.
   * `readme`: only a README.md; it becomes the single page.
   */
  shape: 'mkdocs' | 'folder' | 'readme';
  /** Markdown pages, relative to `dir`, sorted. */
  pages: string[];
}

const MARKDOWN = /\.(md|markdown)$/i;
const MKDOCS = /^mkdocs\.ya?ml$/;
const README = /^readme\.md$/i;

/**
 * Decides which directories have docs: the repo root (a `docs/` folder, with
 * or without mkdocs.yml) and every given unit directory with a `README.md`,
 * a `docs/` folder or a mkdocs.yml. Works on the repo's file paths only, so
 * discovery calls it on the snapshot it already read.
 *
 * @param paths - every repo-relative file path of the repo
 * @param unitDirs - directories of the units (apps, platform components)
 * @public
 */
export function findDocs(paths: Iterable<string>, unitDirs: string[]): DocsLocation[] {
  const dirs = ['', ...new Set(unitDirs.filter(d => d !== ''))].sort();
  const wanted = new Set(dirs);
  // One pass over the paths: the files right in each wanted directory (README,
  // mkdocs.yml) and the Markdown anywhere below its docs/ folder, in path order.
  const direct = new Map<string, string[]>();
  const docsPages = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, dir: string, rel: string) => {
    if (!map.has(dir)) map.set(dir, []);
    map.get(dir)!.push(rel);
  };
  for (const p of paths) {
    const slash = p.lastIndexOf('/');
    const dir = slash < 0 ? '' : p.slice(0, slash);
    if (wanted.has(dir)) add(direct, dir, p.slice(slash + 1));
    if (!MARKDOWN.test(p)) continue;
    // `docs/` may start at any segment: `a/docs/x.md` is a page of `a` and, as `docs/x.md`, of nothing else.
    for (let i = p.indexOf('docs/'); i >= 0; i = p.indexOf('docs/', i + 1)) {
      if (i > 0 && p[i - 1] !== '/') continue;
      const owner = i === 0 ? '' : p.slice(0, i - 1);
      if (wanted.has(owner)) add(docsPages, owner, p.slice(i));
    }
  }
  const locate = (dir: string): DocsLocation | undefined => {
    const own = direct.get(dir) ?? [];
    const pages = docsPages.get(dir) ?? [];
    const readme = own.find(p => README.test(p));
    let shape: DocsLocation['shape'];
    if (own.some(p => MKDOCS.test(p))) shape = 'mkdocs';
    else if (pages.length > 0) shape = 'folder';
    // A repo's root README is its front page on GitHub, not a docs site.
    else if (readme && dir !== '') shape = 'readme';
    else return undefined;
    return { dir, shape, pages: [...pages, ...(readme && shape !== 'mkdocs' ? [readme] : [])].sort() };
  };
  return dirs.map(locate).filter((d): d is DocsLocation => d !== undefined);
}
