#!/usr/bin/env node
// Pins every @backstage/* package in yarn.lock to the newest stable version
// published before a cutoff date, via root `resolutions`.
//
// Why: create-app cannot fetch its yarn.lock seed here, so caret ranges pull
// in packages of a later Backstage release next to those of ours, and the
// frontend/backend APIs of two releases do not mix. The cutoff is the publish
// date of the first release we do NOT want (e.g. the day 1.56 came out).
//
// usage: node scripts/align-backstage-versions.mjs 2026-11-17
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const cutoff = process.argv[2];
if (!cutoff || Number.isNaN(Date.parse(cutoff))) {
  console.error('usage: align-backstage-versions.mjs <cutoff-date YYYY-MM-DD>');
  process.exit(2);
}
const lock = readFileSync('yarn.lock', 'utf8');
const names = new Set(
  [...lock.matchAll(/^"(@backstage\/[^@"]+)@/gm)].map(m => m[1]),
);

const semverKey = v => v.split('.').map(n => n.padStart(6, '0')).join('.');
const resolutions = {};
for (const name of [...names].sort()) {
  const time = JSON.parse(
    execFileSync('npm', ['view', '--json', name, 'time'], { encoding: 'utf8' }),
  );
  const candidates = Object.entries(time)
    .filter(([v, t]) => /^\d+\.\d+\.\d+$/.test(v) && Date.parse(t) < Date.parse(cutoff))
    .map(([v]) => v)
    .sort((a, b) => (semverKey(a) < semverKey(b) ? 1 : -1));
  if (!candidates.length) {
    console.error(`no version of ${name} before ${cutoff}; leaving it free`);
    continue;
  }
  resolutions[name] = candidates[0];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const others = Object.fromEntries(
  Object.entries(pkg.resolutions ?? {}).filter(([k]) => !k.startsWith('@backstage/')),
);
pkg.resolutions = { ...others, ...resolutions };
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`pinned ${Object.keys(resolutions).length} @backstage packages`);
