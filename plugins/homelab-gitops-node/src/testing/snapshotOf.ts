import type { RepoSnapshot } from '../snapshot/types';

/** A snapshot of a small repo written inline in a test: path → content. */
export function snapshotOf(files: Record<string, string>): RepoSnapshot {
  return {
    files: Object.entries(files)
      .map(([path, content]) => ({ path, content }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    etag: 'test',
  };
}
