import type { Entity } from '@backstage/catalog-model';
import { entityIngressHosts } from '@internal/plugin-homelab-common';
import { learnBaseDomain } from '@internal/plugin-homelab-scaffolder-common';

/**
 * The base domain a new host must live in: the template's
 * `ui:options.baseDomain` when set, else the one learned from the hosts of
 * the existing Components.
 */
export function baseDomainOf(configured: string | undefined, components: Entity[]): string | undefined {
  return configured?.toLowerCase() || learnBaseDomain(components.flatMap(entityIngressHosts));
}
