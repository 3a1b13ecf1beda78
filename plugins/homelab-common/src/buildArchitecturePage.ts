import {
  parseEntityRef,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { StockAnnotations } from './annotations';
import { entityIngressHosts } from './ingressHosts';

/**
 * A component row of an architecture page.
 *
 * @public
 */
export interface ArchitectureComponent {
  ref: string;
  name: string;
  type: string;
  owner: string;
  system: string;
  hosts: string[];
  argoApp?: string;
  /** Refs of the resources it depends on. */
  uses: string[];
}

/**
 * A data service (or other resource) the components use.
 *
 * @public
 */
export interface ArchitectureDataService {
  ref: string;
  name: string;
  type: string;
  usedBy: string[];
}

/**
 * The page of one domain or system, derived from the catalog alone.
 *
 * @public
 */
export interface ArchitecturePage {
  title: string;
  kind: 'Domain' | 'System';
  systems: string[];
  components: ArchitectureComponent[];
  dataServices: ArchitectureDataService[];
  hosts: Array<{ host: string; component: string }>;
  argoApps: Array<{ name: string; component: string }>;
  /** Diagram of components and what they depend on, from catalog relations. */
  diagram: { nodes: string[]; edges: Array<{ from: string; to: string }> };
}

/**
 * The path of the Architecture tab below an entity page
 * (`/catalog/:namespace/:kind/:name` + this).
 *
 * @public
 */
export const ARCHITECTURE_TAB_PATH = '/architecture';

/**
 * The search document type of an architecture page.
 *
 * @public
 */
export const ARCHITECTURE_SEARCH_TYPE = 'homelab-architecture';

/**
 * The kinds that have an architecture page.
 *
 * @public
 */
export const ARCHITECTURE_KINDS = ['Domain', 'System'] as const;

/**
 * The kinds an architecture page is derived from: give
 * {@link buildArchitecturePage} every entity of these kinds.
 *
 * @public
 */
export const ARCHITECTURE_SOURCE_KINDS = ['Domain', 'System', 'Component', 'Resource'];

const refsOf = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const shortRef = (ref: string) => {
  const { kind, name } = parseEntityRef(ref);
  return kind === 'group' || kind === 'user' ? `${kind}:${name}` : name;
};

/**
 * Builds the architecture page of a Domain or System from catalog entities
 * (their relations as the catalog computed them). Pure: the same entities
 * always give the same page, so it is current after every discovery run.
 * The Architecture entity tab draws it, and the search collator indexes it.
 *
 * @public
 */
export function buildArchitecturePage(scope: Entity, entities: Entity[]): ArchitecturePage {
  const ref = (e: Entity) => stringifyEntityRef(e);
  const scopeRef = ref(scope);
  const systems =
    scope.kind === 'Domain'
      ? entities.filter(e => e.kind === 'System' && refsOf(e, RELATION_PART_OF).includes(scopeRef)).map(ref)
      : [scopeRef];
  const systemSet = new Set(systems);
  const inScope = (e: Entity) => refsOf(e, RELATION_PART_OF).some(r => systemSet.has(r));
  const hasPart = new Set(systems.flatMap(s => refsOf(entities.find(e => ref(e) === s) ?? scope, RELATION_HAS_PART)));

  const componentEntities = entities.filter(e => e.kind === 'Component' && (inScope(e) || hasPart.has(ref(e))));
  const resourceByRef = new Map(entities.filter(e => e.kind === 'Resource').map(e => [ref(e), e]));
  const components: ArchitectureComponent[] = componentEntities
    .map(e => ({
      ref: ref(e),
      name: e.metadata.title ?? e.metadata.name,
      type: String(e.spec?.type ?? 'unknown'),
      owner: refsOf(e, RELATION_OWNED_BY).map(shortRef)[0] ?? String(e.spec?.owner ?? ''),
      system: shortRef(refsOf(e, RELATION_PART_OF)[0] ?? String(e.spec?.system ?? '')),
      hosts: entityIngressHosts(e),
      argoApp: e.metadata.annotations?.[StockAnnotations.argocdAppName],
      uses: refsOf(e, RELATION_DEPENDS_ON).filter(r => r.startsWith('resource:')).sort(),
    }))
    .sort(byName);

  const used = new Map<string, string[]>();
  for (const c of components) for (const r of c.uses) used.set(r, [...(used.get(r) ?? []), c.name]);
  const dataServices = [...used.entries()]
    .map(([r, usedBy]) => {
      const resource = resourceByRef.get(r);
      return {
        ref: r,
        name: resource?.metadata.name ?? parseEntityRef(r).name,
        type: String(resource?.spec?.type ?? 'unknown'),
        usedBy: usedBy.sort(),
      };
    })
    .sort(byName);

  const nodes = [...components.map(c => c.ref), ...dataServices.map(d => d.ref)];
  const edges = components.flatMap(c => c.uses.map(to => ({ from: c.ref, to })));
  return {
    title: scope.metadata.title ?? scope.metadata.name,
    kind: scope.kind === 'Domain' ? 'Domain' : 'System',
    systems: systems.map(shortRef).sort(),
    components,
    dataServices,
    hosts: components.flatMap(c => c.hosts.map(host => ({ host, component: c.name }))).sort((a, b) => a.host.localeCompare(b.host)),
    argoApps: components
      .filter(c => c.argoApp)
      .map(c => ({ name: c.argoApp!, component: c.name }))
      .sort(byName),
    diagram: { nodes, edges },
  };
}

/**
 * The diagram as Mermaid source, for docs and for readers without the graph.
 *
 * @public
 */
export function architectureMermaid(page: ArchitecturePage): string {
  const id = (ref: string) => ref.replace(/[^a-zA-Z0-9]/g, '_');
  const lines = ['flowchart LR'];
  for (const c of page.components) lines.push(`  ${id(c.ref)}["${c.name}"]`);
  for (const d of page.dataServices) lines.push(`  ${id(d.ref)}[("${d.name}")]`);
  for (const e of page.diagram.edges) lines.push(`  ${id(e.from)} --> ${id(e.to)}`);
  return lines.join('\n');
}
