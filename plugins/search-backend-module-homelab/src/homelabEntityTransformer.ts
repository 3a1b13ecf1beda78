import type { Entity } from '@backstage/catalog-model';
import {
  defaultCatalogCollatorEntityTransformer,
  type CatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';

/** Host names of an entity's web links (discovery writes one per ingress host). */
export function entityHosts(entity: Entity): string[] {
  const hosts = (entity.metadata.links ?? []).flatMap(link => {
    try {
      const url = new URL(link.url);
      return /^https?:$/.test(url.protocol) ? [url.hostname] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(hosts)];
}

/**
 * The stock catalog document, with text a homelabber types: the ingress
 * hosts (whole, and their first label, so `jellyfin.homelab.example` and
 * `jellyfin` both hit), the system and the tags.
 */
export const homelabEntityTransformer: CatalogCollatorEntityTransformer = entity => {
  const doc = defaultCatalogCollatorEntityTransformer(entity);
  const hosts = entityHosts(entity);
  const extra = [
    ...hosts,
    ...(typeof entity.spec?.system === 'string' ? [`system ${entity.spec.system}`] : []),
    ...(typeof entity.spec?.domain === 'string' ? [`domain ${entity.spec.domain}`] : []),
    ...(entity.metadata.tags ?? []),
  ];
  return { ...doc, text: [doc.text, ...extra].filter(Boolean).join(' : ') };
};
