import type { ManifestObject } from './types';

/** Kinds that run pods. */
export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job']);

export function isWorkload(o: ManifestObject): boolean {
  if (!WORKLOAD_KINDS.has(o.kind)) return false;
  return o.kind === 'CronJob' || o.kind === 'Job'
    ? o.apiVersion.startsWith('batch/')
    : o.apiVersion.startsWith('apps/');
}

/** The pod template of a workload. */
export function podTemplate(o: ManifestObject): any | undefined {
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template;
  return o.spec?.template;
}

/** Every container (init ones included) of a workload. */
export function containers(o: ManifestObject): any[] {
  const spec = podTemplate(o)?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

export const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

/** Every string value inside a JSON-like value, with the key path that led to it. */
export function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}
