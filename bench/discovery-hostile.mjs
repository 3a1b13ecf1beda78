// GitOps discovery on a hostile repo: a copy of examples/homelab-gitops salted
// with a 54 MB ConfigMap, a file of 5,000-deep nested flow sequences, a
// malformed file and a symlink leaving the repo. Each run is a fresh child
// process doing what one provider refresh does (read the tree, build the
// model, evaluate the scorecard, write the entities), so its peak RSS
// (getrusage maxrss) is that refresh's alone.
//
// Baseline, in the same run: the clean copy. Also measured: the salted copy
// with the size limit lifted, i.e. discovery as it was before the limit.
// Reports peak RSS, time, problems and the ratio to the clean copy.
//
//   node bench/discovery-hostile.mjs        (after scripts/toolchain.sh's portal_setup)
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const HUGE_BYTES = 54 * 1000 * 1000;

if (process.argv[2] === '--child') {
  const require = createRequire(import.meta.url);
  require(join(repoRoot, 'node_modules/@backstage/cli/config/nodeTransform.cjs'));
  const node = require(join(repoRoot, 'plugins/homelab-gitops-node/src/index.ts'));
  const { modelToEntities } = require(join(repoRoot, 'plugins/catalog-backend-module-homelab-gitops/src/index.ts'));
  const [dir, limit] = [process.argv[3], Number(process.argv[4])];
  const t0 = performance.now();
  const snapshot = await node.readLocalRepo(dir, { maxFileSizeBytes: limit });
  const model = node.buildRepoModel(snapshot, node.DEFAULT_LAYOUT);
  const source = { id: 'bench', path: dir, owner: 'group:admins', layout: node.DEFAULT_LAYOUT, rules: node.ALL_SCORECARD_RULES, maxFileSizeBytes: limit };
  const entities = modelToEntities(model, source, node.evaluateModelScorecard(model, source.rules));
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      entities: entities.length,
      problems: model.problems.map(p => `${p.file}: ${p.message.slice(0, 80)}`),
    }),
  );
  process.exit(0);
}

function writeHugeConfigMap(path) {
  const fd = openSync(path, 'w');
  writeSync(fd, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n');
  for (let written = 0, i = 0; written < HUGE_BYTES; i++) {
    const line = `  key${i}: ${'x'.repeat(1000)}\n`;
    writeSync(fd, line);
    written += line.length;
  }
  closeSync(fd);
}

const work = mkdtempSync(join(tmpdir(), 'discovery-hostile-'));
try {
  const clean = join(work, 'clean');
  const salted = join(work, 'salted');
  cpSync(join(repoRoot, 'examples/homelab-gitops'), clean, { recursive: true });
  cpSync(clean, salted, { recursive: true });
  const app = join(salted, 'cluster/apps/media/jellyfin');
  writeHugeConfigMap(join(app, 'huge-configmap.yaml'));
  writeFileSync(join(app, 'deep.yaml'), Array.from({ length: 30 }, () => `x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`).join('---\n'));
  writeFileSync(join(app, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: [oops\n');
  mkdirSync(join(work, 'outside'));
  writeFileSync(join(work, 'outside/secret.yaml'), 'password: not-for-the-catalog\n');
  symlinkSync(join(work, 'outside/secret.yaml'), join(app, 'escape.yaml'));

  const run = (dir, limit) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, String(limit)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const DEFAULT_LIMIT = 4 * 1024 * 1024;
  const rows = [
    ['clean copy (baseline)', run(clean, DEFAULT_LIMIT)],
    ['salted copy, 4 MiB limit', run(salted, DEFAULT_LIMIT)],
    ['salted copy, no limit', run(salted, Number.MAX_SAFE_INTEGER)],
  ];
  const base = rows[0][1];
  console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
  console.log('| Run | Peak RSS MiB | × clean | Time ms | Entities | Problems |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, r] of rows) {
    console.log(`| ${label} | ${r.maxRssMiB.toFixed(0)} | ${(r.maxRssMiB / base.maxRssMiB).toFixed(2)} | ${r.ms.toFixed(0)} | ${r.entities} | ${r.problems.length} |`);
  }
  console.log('\nProblems of the salted copy with the limit:');
  for (const p of rows[1][1].problems) console.log(`- ${p}`);
  const ratio = rows[1][1].maxRssMiB / base.maxRssMiB;
  console.log(`\nTarget: salted / clean peak RSS <= 1.5: ${ratio.toFixed(2)} ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
