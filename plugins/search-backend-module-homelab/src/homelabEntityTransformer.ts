import {
  defaultCatalogCollatorEntityTransformer,
  type CatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import { entityIngressHosts } from '@internal/plugin-homelab-common';

/**
 * The stock catalog document, with text a homelabber types: the ingress
 * hosts (whole, and their first label, so `jellyfin.homelab.example` and
 * `jellyfin` both hit), the system and the tags.
 */
export const homelabEntityTransformer: CatalogCollatorEntityTransformer = entity => {
  const doc = defaultCatalogCollatorEntityTransformer(entity);
  const hosts = entityIngressHosts(entity);
  const extra = [
    ...hosts,
    ...(typeof entity.spec?.system === 'string' ? [`system ${entity.spec.system}`] : []),
    ...(typeof entity.spec?.domain === 'string' ? [`domain ${entity.spec.domain}`] : []),
    ...(entity.metadata.tags ?? []),
  ];
  return { ...doc, text: [doc.text, ...extra].filter(Boolean).join(' : ') };
};
