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
  const all = [...paths];
  const locate = (dir: string): DocsLocation | undefined => {
    const prefix = dir ? `${dir}/` : '';
    const own = all.filter(p => p.startsWith(prefix)).map(p => p.slice(prefix.length));
    const docsPages = own.filter(p => p.startsWith('docs/') && MARKDOWN.test(p));
    const readme = own.find(p => README.test(p));
    let shape: DocsLocation['shape'];
    if (own.some(p => MKDOCS.test(p))) shape = 'mkdocs';
    else if (docsPages.length > 0) shape = 'folder';
    // A repo's root README is its front page on GitHub, not a docs site.
    else if (readme && dir !== '') shape = 'readme';
    else return undefined;
    const pages = [...docsPages, ...(readme && shape !== 'mkdocs' ? [readme] : [])].sort();
    return { dir, shape, pages };
  };
  const dirs = ['', ...new Set(unitDirs.filter(d => d !== ''))].sort();
  return dirs.map(locate).filter((d): d is DocsLocation => d !== undefined);
}
