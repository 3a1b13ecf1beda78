/** Folder of a repo path (`''` at the root). */
export const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** Whether `path` is `dir` or lies below it (everything lies below the root `''`). */
export const isUnder = (path: string, dir: string) => dir === '' || path === dir || path.startsWith(`${dir}/`);

/** A repo path as Argo CD writes it (`./x/`), normalised to `x`. */
export const normalizeRepoPath = (path: string) => path.replace(/^\.\/|\/+$/g, '').replace(/^\/+/, '');
