import type { Entity, EntityLink } from '@backstage/catalog-model';

/**
 * `type` of the entity links GitOps discovery writes for ingress hosts. An
 * entity carries other web links too (Helm chart repos, vendored chart
 * folders), so "every https link" is not "every host it serves".
 *
 * @public
 */
export const INGRESS_HOST_LINK_TYPE = 'ingress-host';

/**
 * The link discovery writes for one ingress host of a component.
 *
 * @public
 */
export function ingressHostLink(host: string): EntityLink {
  return { url: `https://${host}`, title: host, icon: 'web', type: INGRESS_HOST_LINK_TYPE };
}

/**
 * The ingress hosts an entity serves, lower-cased, in link order, each once.
 *
 * @public
 */
export function entityIngressHosts(entity: Entity): string[] {
  const hosts: string[] = [];
  for (const link of entity.metadata.links ?? []) {
    if (link.type !== INGRESS_HOST_LINK_TYPE) continue;
    let hostname: string;
    try {
      hostname = new URL(link.url).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (hostname && !hosts.includes(hostname)) hosts.push(hostname);
  }
  return hosts;
}
