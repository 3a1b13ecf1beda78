import type { FoundUnit } from './findUnits';
import type { ManifestObject, ParsedManifest } from './types';

const isIngress = (m: ParsedManifest) => m.object.kind === 'Ingress' || m.object.kind === 'IngressRoute';

/** Names of the Services an Ingress or Traefik IngressRoute routes to. */
export function ingressBackends(o: ManifestObject): string[] {
  if (o.kind === 'Ingress') {
    const names = (o.spec?.rules ?? []).flatMap((r: any) => (r.http?.paths ?? []).map((p: any) => p.backend?.service?.name));
    if (o.spec?.defaultBackend?.service?.name) names.push(o.spec.defaultBackend.service.name);
    return names.filter(Boolean);
  }
  if (o.kind === 'IngressRoute') {
    return (o.spec?.routes ?? []).flatMap((r: any) => (r.services ?? []).map((s: any) => s.name)).filter(Boolean);
  }
  return [];
}

/**
 * Hostnames an Ingress or Traefik IngressRoute serves.
 *
 * @public
 */
export function ingressHosts(o: ManifestObject): string[] {
  if (o.kind === 'Ingress') return (o.spec?.rules ?? []).map((r: any) => r.host).filter(Boolean);
  if (o.kind === 'IngressRoute') {
    return (o.spec?.routes ?? []).flatMap((r: any) =>
      [...String(r.match ?? '').matchAll(/Host\(\s*`([^`]+)`\s*\)/g)].map(x => x[1]),
    );
  }
  return [];
}

/**
 * Step 3 of the model: an ingress belongs to the units owning the Services
 * it routes to, wherever in the repo it is written (a central ingress folder
 * is common).
 */
export function attachIngresses(units: FoundUnit[], manifests: ParsedManifest[]): FoundUnit[] {
  const serviceOwner = new Map<string, FoundUnit>();
  for (const u of units) {
    for (const m of u.unit.manifests.filter(x => x.object.kind === 'Service')) {
      serviceOwner.set(`${m.namespace ?? ''}/${m.object.metadata.name}`, u);
    }
  }
  const ingresses = new Map<FoundUnit, ParsedManifest[]>();
  for (const m of manifests.filter(isIngress)) {
    const owners = new Set(
      ingressBackends(m.object)
        .map(svc => serviceOwner.get(`${m.namespace ?? ''}/${svc}`))
        .filter((u): u is FoundUnit => !!u),
    );
    for (const u of owners) {
      if (!ingresses.has(u)) ingresses.set(u, []);
      ingresses.get(u)!.push(m);
    }
  }
  return units.map(u => {
    const own = ingresses.get(u) ?? [];
    const hosts = [...new Set(own.flatMap(m => ingressHosts(m.object)))];
    return { ...u, unit: { ...u.unit, ingresses: own, hosts } };
  });
}
