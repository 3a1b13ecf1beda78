import type { Config } from '@backstage/config';
import type { ConventionOverrides } from './types';

/**
 * Reads `homelab.conventions` (all keys optional).
 *
 * @public
 */
export function readConventionOverrides(config?: Config): ConventionOverrides {
  const c = config?.getOptionalConfig('homelab.conventions');
  if (!c) return {};
  const argo = c.getOptionalConfig('argo');
  return {
    argo: argo
      ? {
          repoURL: argo.getOptionalString('repoURL'),
          targetRevision: argo.getOptionalString('targetRevision'),
          project: argo.getOptionalString('project'),
          destinationServer: argo.getOptionalString('destinationServer'),
          syncWave: argo.getOptionalString('syncWave'),
          namespace: argo.getOptionalString('namespace'),
        }
      : undefined,
    baseDomain: c.getOptionalString('baseDomain'),
    ingressClasses: c.has('ingressClasses')
      ? {
          public: c.getOptionalString('ingressClasses.public'),
          restricted: c.getOptionalString('ingressClasses.restricted'),
        }
      : undefined,
    tlsIssuer: c.getOptionalString('tlsIssuer'),
    secretStore: c.has('secretStore')
      ? { kind: c.getOptionalString('secretStore.kind'), name: c.getOptionalString('secretStore.name') }
      : undefined,
    vaultKeyPattern: c.getOptionalString('vaultKeyPattern'),
    storageClass: c.getOptionalString('storageClass'),
    ray: c.has('ray') ? { gpuResource: c.getOptionalString('ray.gpuResource') } : undefined,
  };
}
