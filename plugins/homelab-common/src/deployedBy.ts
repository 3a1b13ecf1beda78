import type { Entity } from '@backstage/catalog-model';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { HomelabAnnotations } from './annotations';

/**
 * Reads who deploys a resource (annotation `homelab.dev/deployed-by`), as a
 * full entity ref; a missing or unparsable value reads as none.
 *
 * @public
 */
export function readDeployedBy(entity: Entity): string | undefined {
  const raw = entity.metadata.annotations?.[HomelabAnnotations.deployedBy];
  if (!raw) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(raw, { defaultKind: 'component', defaultNamespace: 'default' }));
  } catch {
    return undefined;
  }
}
