import type { Entity } from '@backstage/catalog-model';
import { HomelabAnnotations, StockAnnotations } from '@internal/plugin-homelab-common';

/**
 * A browser link to a repo file of the entity's GitOps repo, when the repo
 * is browsable (a url: source location); undefined for a local checkout.
 */
export function repoFileUrl(entity: Entity, file: string): string | undefined {
  const source = entity.metadata.annotations?.[StockAnnotations.sourceLocation];
  const path = entity.metadata.annotations?.[HomelabAnnotations.gitopsPath];
  if (!source?.startsWith('url:') || path === undefined) return undefined;
  const url = source.slice('url:'.length).replace(/\/+$/, '');
  const dir = path.includes('.') ? path.slice(0, path.lastIndexOf('/')) : path;
  if (dir && !url.endsWith(`/${dir}`)) return undefined;
  const base = dir ? url.slice(0, url.length - dir.length - 1) : url;
  return `${base}/${file}`;
}
