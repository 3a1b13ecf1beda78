import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { HomelabAnnotations } from '@internal/plugin-homelab-common';

/**
 * A clash between a value of the form and something that already exists,
 * with the sentence that names what it clashes with.
 *
 * @public
 */
export interface CatalogClash {
  entityRef: string;
  message: string;
}

/**
 * The existing Component a new app named `name` would clash with: a
 * Component of that name anywhere in the catalog (its Deployment, Service
 * and directory would collide with, or be mistaken for, the existing one).
 *
 * @public
 */
export function findAppNameClash(name: string, components: Entity[]): CatalogClash | undefined {
  const existing = components.find(e => e.kind.toLowerCase() === 'component' && e.metadata.name === name);
  if (!existing) return undefined;
  const entityRef = stringifyEntityRef(existing);
  const path = existing.metadata.annotations?.[HomelabAnnotations.gitopsPath];
  return {
    entityRef,
    message: `An app named "${name}" already exists: ${entityRef}${path ? ` in ${path}` : ''}. Pick another name.`,
  };
}
