import { InputError } from '@backstage/errors';
import { ResourceTypes } from '@internal/plugin-homelab-common';
import type { RepoResource } from '@internal/plugin-homelab-gitops-node';
import type { RepoContext } from '../source/RepoContext';
import { nameOfRef } from './validateAppRequest';

/**
 * The resource a picker chose, matched by entity name or by the Kubernetes
 * name (the `k8s-name` annotation); refuses one the repo does not define.
 */
export function resolveResource(ctx: RepoContext, field: string, value: string, type: RepoResource['type']): RepoResource {
  const name = nameOfRef(field, value);
  const ofType = ctx.model.resources.filter(r => r.type === type);
  const found = ofType.find(r => r.name === name) ?? ofType.find(r => r.manifest.object.metadata.name === name);
  if (!found) {
    throw new InputError(
      `${field}: there is no ${type} "${name}" in GitOps source ${ctx.sourceId}; known: ${ofType.map(r => r.name).join(', ') || 'none'}`,
    );
  }
  return found;
}

/** The IngressClass for `public`, `restricted` or a class name / entity ref. */
export function resolveIngressClass(ctx: RepoContext, value: string | undefined): string {
  const ing = ctx.conventions.ingress;
  // LAN-only unless asked otherwise: exposing an app is a decision, not a default.
  const wanted = value ?? (ing.restrictedClass ? 'restricted' : 'public');
  if (wanted === 'public' || wanted === 'restricted') {
    const cls = wanted === 'public' ? ing.publicClass : ing.restrictedClass;
    if (!cls) throw new InputError(`ingressClass: the repo has no ${wanted} ingress class; configure homelab.conventions.ingressClasses.${wanted}`);
    return cls;
  }
  const name = nameOfRef('ingressClass', wanted);
  if (ing.classes.includes(name)) return name;
  // A picker hands over the entity name, which may differ from the class name.
  const entity = ctx.model.resources.find(r => r.type === ResourceTypes.ingressClass && r.name === name);
  if (entity) return entity.manifest.object.metadata.name;
  throw new InputError(`ingressClass: "${name}" is not an ingress class of the repo; known: ${ing.classes.join(', ')}`);
}
