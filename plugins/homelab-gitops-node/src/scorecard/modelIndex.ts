import { group } from '../model/k8s';
import type { ParsedManifest, RepoModel } from '../model/types';

/** Lookups the rules make for every unit, built once per model instead of scanning the repo each time. */
export interface ModelIndex {
  /** Whether a file is at `path` or below it. */
  pathExists(path: string): boolean;
  /** The first manifest of the repo of this API group and kind, in `namespace`, whose `ref` (read from the manifest) is `name`. */
  firstReferring(kind: ReferringKind, namespace: string | undefined, name: string): ParsedManifest | undefined;
}

/** Manifests that point at another by name: what the backup rules look for. */
const REFERRING = {
  replicationSource: { group: 'volsync.backube', kind: 'ReplicationSource', ref: (m: ParsedManifest) => m.object.spec?.sourcePVC },
  scheduledBackup: { group: 'postgresql.cnpg.io', kind: 'ScheduledBackup', ref: (m: ParsedManifest) => m.object.spec?.cluster?.name },
} as const;

/** Which of {@link REFERRING}. */
export type ReferringKind = keyof typeof REFERRING;

const cache = new WeakMap<RepoModel, ModelIndex>();

// Names are compared with `===`, so the key keeps the JS type of both sides.
const key = (namespace: unknown, name: unknown) => `${typeof namespace}\0${namespace}\0${typeof name}\0${name}`;

/** The index of a model, built on first use and kept as long as the model. */
export function modelIndex(model: RepoModel): ModelIndex {
  const known = cache.get(model);
  if (known) return known;
  const prefixes = new Set<string>();
  for (const path of model.paths) {
    for (let p = path; p !== '' && !prefixes.has(p); p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') prefixes.add(p);
  }
  const referring = new Map<ReferringKind, Map<string, ParsedManifest>>();
  for (const [kind, r] of Object.entries(REFERRING) as Array<[ReferringKind, (typeof REFERRING)[ReferringKind]]>) {
    const byRef = new Map<string, ParsedManifest>();
    for (const m of model.manifests) {
      if (m.object.kind !== r.kind || group(m.object.apiVersion) !== r.group) continue;
      const k = key(m.namespace, r.ref(m));
      if (!byRef.has(k)) byRef.set(k, m);
    }
    referring.set(kind, byRef);
  }
  const index: ModelIndex = {
    pathExists: path => prefixes.has(path),
    firstReferring: (kind, namespace, name) => referring.get(kind)!.get(key(namespace, name)),
  };
  cache.set(model, index);
  return index;
}
