import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { HomelabAnnotations, ResourceTypes } from '@internal/plugin-homelab-common';
import { ingressClassVisibility, IngressVisibility } from '@internal/plugin-homelab-scaffolder-common';

/** One choice of `HomelabResourcePicker`. */
export interface ResourceOption {
  /** What the field stores: the Kubernetes name of the object. */
  value: string;
  namespace?: string;
  entityRef: string;
  description?: string;
  /** For ingress classes only. */
  visibility?: IngressVisibility;
}

/**
 * The choices for a Resource picker: each catalog Resource standing for a
 * Kubernetes object, by the object's name (`homelab.dev/k8s-name`), which is
 * what manifests refer to, not the entity name. Sorted by name; Resources
 * without the annotation are not choices.
 */
export function resourceOptions(
  entities: Entity[],
  visibilityOverrides?: Record<string, IngressVisibility>,
): ResourceOption[] {
  const options: ResourceOption[] = [];
  for (const entity of entities) {
    const annotations = entity.metadata.annotations ?? {};
    const value = annotations[HomelabAnnotations.k8sName];
    if (!value) continue;
    options.push({
      value,
      namespace: annotations[HomelabAnnotations.k8sNamespace],
      entityRef: stringifyEntityRef(entity),
      description: entity.metadata.description,
      ...(entity.spec?.type === ResourceTypes.ingressClass
        ? { visibility: ingressClassVisibility(value, visibilityOverrides) }
        : {}),
    });
  }
  return options.sort((a, b) => a.value.localeCompare(b.value) || (a.namespace ?? '').localeCompare(b.namespace ?? ''));
}
