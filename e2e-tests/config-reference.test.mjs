// The configuration reference cannot drift: docs/config-reference.md must be
// what scripts/config-reference.mjs generates from the config.d.ts files, and
// every homelab.* key the shipped app-configs set must be declared in one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configFiles, declaredKeys, referencePath, renderReference, repoRoot } from '../scripts/config-reference.mjs';

/** Leaf key paths of a config object, list items as `[]`. */
function leafPaths(value, prefix = '') {
  if (Array.isArray(value)) {
    return value.some(v => v && typeof v === 'object') ? value.flatMap(v => leafPaths(v, `${prefix}[]`)) : [prefix];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

const declared = new Map(configFiles().flatMap(f => declaredKeys(f).map(k => [k.path, k.type])));
// Keys typed by a named type (a schedule, a record) may have any sub-keys;
// an object spelled out in the config.d.ts has exactly the keys it lists.
const opaque = [...declared].filter(([, type]) => type !== 'object' && type !== 'list of objects').map(([path]) => path);
const undeclared = paths =>
  [...new Set(paths)].filter(p => !declared.has(p) && !opaque.some(d => p.startsWith(`${d}.`) || p.startsWith(`${d}[]`)));

test('docs/config-reference.md is generated from the current config.d.ts files', () => {
  assert.equal(
    readFileSync(referencePath, 'utf8'),
    renderReference(),
    'docs/config-reference.md is stale: run node scripts/config-reference.mjs',
  );
});

test('every homelab.* key of the shipped app-configs is declared in a config.d.ts', () => {
  for (const file of ['app-config.yaml', 'app-config.production.yaml']) {
    const config = parse(readFileSync(join(repoRoot, file), 'utf8'));
    const keys = leafPaths({ homelab: config.homelab ?? {} }).filter(p => p.startsWith('homelab.'));
    assert.deepEqual(undeclared(keys), [], `${file} sets keys no config.d.ts declares`);
  }
});

test('the check notices an undeclared key', () => {
  assert.deepEqual(undeclared(['homelab.docs.prebuild.concurrency', 'homelab.docs.prebuild.typo']), ['homelab.docs.prebuild.typo']);
});
