import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { IndexableDocument } from '@backstage/plugin-search-common';
import {
  ARCHITECTURE_KINDS,
  ARCHITECTURE_TAB_PATH,
  buildArchitecturePage,
  type ArchitecturePage,
} from '@internal/plugin-homelab-common';

/**
 * One generated architecture page as a search document.
 *
 * @public
 */
export interface ArchitectureSearchDocument extends IndexableDocument {
  kind: 'Domain' | 'System';
  namespace: string;
  name: string;
}

const list = (items: string[]) => (items.length > 0 ? items.join('; ') : 'none');

/** The page as sentences: what someone reading the Architecture tab would search for. */
export function architecturePageText(page: ArchitecturePage): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const summary =
    `${page.kind} ${page.title}: ${count(page.components.length, 'component')}` +
    `${page.kind === 'Domain' ? ` in ${count(page.systems.length, 'system')}` : ''}, using ${count(page.dataServices.length, 'data service')}.`;
  return [
    summary,
    `Systems: ${list(page.systems)}.`,
    `Components: ${list(page.components.map(c => `${c.name} (${c.type}, owned by ${c.owner}, system ${c.system})`))}.`,
    `Data services: ${list(page.dataServices.map(d => `${d.name} (${d.type}) used by ${d.usedBy.join(', ')}`))}.`,
    `Hosts: ${list(page.hosts.map(h => `${h.host} (${h.component})`))}.`,
    `Argo apps: ${list(page.argoApps.map(a => `${a.name} (${a.component})`))}.`,
  ].join('\n');
}

/**
 * The search documents of every Domain and System among `entities` (catalog
 * entities with their relations), sorted by location. Each is the page the
 * entity's Architecture tab shows, at that tab's path, visible to whoever may
 * read the entity.
 *
 * @public
 */
export function architectureSearchDocuments(entities: Entity[]): ArchitectureSearchDocument[] {
  return entities
    .filter(e => (ARCHITECTURE_KINDS as readonly string[]).includes(e.kind))
    .map(scope => {
      const page = buildArchitecturePage(scope, entities);
      const namespace = scope.metadata.namespace ?? 'default';
      const ref = stringifyEntityRef(scope);
      return {
        title: `Architecture of ${page.kind.toLowerCase()} ${page.title}`,
        text: architecturePageText(page),
        location: `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(scope.kind)}/${encodeURIComponent(scope.metadata.name)}${ARCHITECTURE_TAB_PATH}`.toLowerCase(),
        kind: page.kind,
        namespace,
        name: scope.metadata.name,
        authorization: { resourceRef: ref },
      };
    })
    .sort((a, b) => a.location.localeCompare(b.location));
}
