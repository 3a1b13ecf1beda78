import { Entity } from '@backstage/catalog-model';

/**
 * The host names an entity serves, from its `metadata.links` (discovery
 * writes one https link per ingress host).
 *
 * @public
 */
export function entityHosts(entity: Entity): string[] {
  const hosts: string[] = [];
  for (const link of entity.metadata.links ?? []) {
    let url: URL;
    try {
      url = new URL(link.url);
    } catch {
      continue;
    }
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && !hosts.includes(url.hostname)) {
      hosts.push(url.hostname.toLowerCase());
    }
  }
  return hosts;
}
