import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { HomelabAnnotations, type RecentComponentChange } from '@internal/plugin-homelab-common';
import type { RecentCommit } from '@internal/plugin-homelab-gitops-node';

/**
 * Which components the commits of one or more GitOps sources changed,
 * newest first, each component once (its latest change). A changed path
 * belongs to the component whose `gitops-path` is its longest prefix, so a
 * commit to `cluster/apps/media/immich/values.yaml` is immich's, not the
 * media domain's; a path no component covers is nobody's.
 */
export function matchChangesToComponents(
  history: Array<{ source: string; commits: RecentCommit[] }>,
  components: Entity[],
  limit: number,
): RecentComponentChange[] {
  const bySource = new Map<string, Array<{ path: string; entity: Entity }>>();
  for (const entity of components) {
    const annotations = entity.metadata.annotations ?? {};
    const source = annotations[HomelabAnnotations.gitopsSource];
    const path = annotations[HomelabAnnotations.gitopsPath];
    if (!source || path === undefined) continue;
    const list = bySource.get(source) ?? [];
    list.push({ path: path.replace(/^\/+|\/+$/g, ''), entity });
    bySource.set(source, list);
  }
  for (const list of bySource.values()) list.sort((a, b) => b.path.length - a.path.length);

  const owner = (source: string, file: string) =>
    bySource.get(source)?.find(c => c.path === '' || file === c.path || file.startsWith(`${c.path}/`))?.entity;

  const changes: RecentComponentChange[] = [];
  for (const { source, commits } of history) {
    for (const commit of commits) {
      const touched = new Set<Entity>();
      for (const file of commit.paths) {
        const entity = owner(source, file);
        if (entity) touched.add(entity);
      }
      for (const entity of touched) {
        changes.push({
          entityRef: stringifyEntityRef(entity),
          name: entity.metadata.name,
          ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
          source,
          sha: commit.sha,
          subject: commit.subject,
          author: commit.author,
          date: commit.date,
        });
      }
    }
  }
  // Stable sort: within one commit, components keep their discovery order.
  changes.sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const seen = new Set<string>();
  return changes.filter(c => !seen.has(c.entityRef) && seen.add(c.entityRef)).slice(0, limit);
}
