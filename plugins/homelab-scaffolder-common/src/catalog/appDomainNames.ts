import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { ComponentTypes } from '@internal/plugin-homelab-common';

/**
 * The Domains an app may be created in: every Domain except those whose
 * Components (through their Systems) are all platform components. A Domain
 * without any Component yet is an app domain waiting for its first app.
 *
 * @public
 */
export function appDomainNames(domains: Entity[], systems: Entity[], components: Entity[]): string[] {
  const domainOfSystem = new Map<string, string>();
  for (const s of systems) {
    const domain = s.spec?.domain;
    if (typeof domain === 'string') domainOfSystem.set(s.metadata.name, parseEntityRef(domain, { defaultKind: 'domain' }).name);
  }
  const kinds = new Map<string, { app: boolean; platform: boolean }>();
  for (const c of components) {
    const system = c.spec?.system;
    if (typeof system !== 'string') continue;
    const domain = domainOfSystem.get(parseEntityRef(system, { defaultKind: 'system' }).name);
    if (!domain) continue;
    const seen = kinds.get(domain) ?? { app: false, platform: false };
    if (c.spec?.type === ComponentTypes.platform) seen.platform = true;
    else seen.app = true;
    kinds.set(domain, seen);
  }
  return domains
    .map(d => d.metadata.name)
    .filter(name => {
      const seen = kinds.get(name);
      return !seen || seen.app || !seen.platform;
    })
    .sort();
}
