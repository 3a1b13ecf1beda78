/** One page of the prepared docs: its path below docs_dir and its Markdown. */
export interface PreparedPage {
  path: string;
  content: string;
}

/** A MkDocs nav entry: a page (`{title: path}`) or a section (`{title: entries}`). */
export type NavEntry = Record<string, string | NavEntry[]>;

const INDEX = /^(index|readme)\.md$/i;

const humanise = (name: string) => {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The title of a page: its first Markdown heading (ATX `#` or setext),
 * skipping front matter and fenced code; else its file name, humanised.
 */
export function pageTitle(page: PreparedPage): string {
  const lines = page.content.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const atx = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (atx) return atx[1].trim();
    if (line.trim() && /^(=+|-+)\s*$/.test(lines[i + 1] ?? '') && !/^\s*[-*]\s/.test(line)) {
      return line.trim();
    }
  }
  return humanise(page.path.split('/').pop()!.replace(/\.md$/i, ''));
}

/**
 * The nav of a docs folder: the folder tree, index page first, then pages
 * and sub-folders in name order; each page titled by its first heading.
 */
export function buildNav(pages: PreparedPage[]): NavEntry[] {
  const byDir = new Map<string, PreparedPage[]>();
  for (const page of pages) {
    const dir = page.path.includes('/') ? page.path.slice(0, page.path.lastIndexOf('/')) : '';
    byDir.set(dir, [...(byDir.get(dir) ?? []), page]);
  }
  const section = (dir: string): NavEntry[] => {
    const own = [...(byDir.get(dir) ?? [])].sort((a, b) => {
      const ai = INDEX.test(a.path.split('/').pop()!) ? 0 : 1;
      const bi = INDEX.test(b.path.split('/').pop()!) ? 0 : 1;
      return ai - bi || a.path.localeCompare(b.path);
    });
    const prefix = dir ? `${dir}/` : '';
    const children = [...new Set(
      [...byDir.keys()]
        .filter(d => d.startsWith(prefix) && d !== dir)
        .map(d => d.slice(prefix.length).split('/')[0]),
    )].sort();
    return [
      ...own.map(p => ({ [pageTitle(p)]: p.path })),
      ...children.map(child => ({ [humanise(child)]: section(`${prefix}${child}`) })),
    ];
  };
  return section('');
}

/**
 * The MkDocs configuration the portal writes for docs that have none.
 */
export function generateMkdocsConfig(siteName: string, pages: PreparedPage[]) {
  return {
    site_name: siteName,
    docs_dir: 'docs',
    nav: buildNav(pages),
    plugins: ['search'],
    markdown_extensions: ['admonition', 'tables', { toc: { permalink: true } }],
  };
}
