import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogClash } from './findAppNameClash';
import { entityIngressHosts } from '@internal/plugin-homelab-common';

/**
 * The existing entity that already serves `host`, if any.
 *
 * @public
 */
export function findHostClash(host: string, entities: Entity[]): CatalogClash | undefined {
  const wanted = host.toLowerCase();
  const existing = entities.find(e => entityIngressHosts(e).includes(wanted));
  if (!existing) return undefined;
  const entityRef = stringifyEntityRef(existing);
  return { entityRef, message: `${host} is already served by ${entityRef}. Pick another host name.` };
}
