// GitOps discovery at 100, 1,000 and 5,000 apps.
//
// For each size, a synthetic repo in the example repo's layout is generated in
// a temp dir (bench/lib/syntheticGitOpsRepo.mjs: kustomize apps with
// multi-document files, Helm apps with two and three sources, Helm-only apps
// with inline values, Postgres clusters, Valkey Helm releases, central
// ingress). Then, each in a fresh child process so that peak RSS belongs to
// one measurement:
//   - baseline: read every YAML file of the tree and parse it with `yaml`;
//   - ingest: GitOpsEntityProvider.refresh() as the catalog module runs it
//     (snapshot read, repo model, entities, the full mutation), then a
//     refresh of the unchanged tree, with the files read/stat'ed/parsed and
//     the entities handed to the catalog counted at the fs/yaml/connection
//     boundaries (bench/lib/discoveryWorker.cjs).
// ROUNDS rounds alternate baseline and ingest; medians are reported.
//
// REPOS=plain,git runs each size on a plain folder (the stat-walk
// fingerprint) and on the same tree committed to a git work tree (the
// fingerprint from `git status`, as for a real checkout); CPU includes the
// worker's `git` children.
//
//   node bench/discovery.mjs                  SIZES=100,1000,5000 ROUNDS=3 REPOS=plain,git
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../e2e-tests/lib/backend.mjs';
import { generateSyntheticRepo } from './lib/syntheticGitOpsRepo.mjs';

const SIZES = (process.env.SIZES ?? '100,1000,5000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const REPOS = (process.env.REPOS ?? 'plain,git').split(',');
// The 5,000-app ingest takes minutes today; it gets one round unless asked.
const ROUNDS_LARGE = Number(process.env.ROUNDS_LARGE ?? 1);
const CHILD_TIMEOUT_MS = Number(process.env.CHILD_TIMEOUT_S ?? 600) * 1000;

function measure(mode, dir) {
  const out = execFileSync(
    process.execPath,
    ['--require', '@backstage/cli/config/nodeTransform.cjs', join(repoRoot, 'bench/lib/discoveryWorker.cjs'), mode, dir],
    { cwd: repoRoot, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = b => Math.round(b / 2 ** 20);

const rows = [];
for (const apps of SIZES) for (const kind of REPOS) {
  const dir = mkdtempSync(join(tmpdir(), `bench-discovery-${apps}-`));
  try {
    const repo = generateSyntheticRepo(dir, apps, { git: kind === 'git' });
    const baselines = [];
    const ingests = [];
    const rounds = apps >= 5000 ? ROUNDS_LARGE : ROUNDS;
    for (let r = 0; r < rounds; r++) {
      baselines.push(measure('baseline', dir));
      ingests.push(measure('ingest', dir));
      console.error(`# ${apps} apps (${kind}), round ${r + 1}/${rounds}: ${JSON.stringify(baselines.at(-1))} ${JSON.stringify(ingests.at(-1))}`);
    }
    const full = median(ingests.map(i => i.fullMs));
    const base = median(baselines.map(b => b.ms));
    const unchanged = median(ingests.map(i => i.unchangedMs));
    // The machine is shared: CPU time is what contention does not inflate.
    const fullCpu = median(ingests.map(i => i.fullCpuMs));
    const baseCpu = median(baselines.map(b => b.cpuMs));
    const last = ingests.at(-1);
    rows.push({
      apps,
      kind,
      unchangedCpuMs: median(ingests.map(i => i.unchangedCpuMs)),
      repo,
      files: baselines[0].files,
      documents: baselines[0].documents,
      entities: last.fullWork.entities,
      baselineS: base / 1000,
      fullS: full / 1000,
      ratio: full / base,
      fullCpuS: fullCpu / 1000,
      baselineCpuS: baseCpu / 1000,
      cpuRatio: fullCpu / baseCpu,
      baselineRssMiB: mib(median(baselines.map(b => b.peakRssBytes))),
      peakRssMiB: mib(median(ingests.map(i => i.peakRssBytes))),
      unchangedMs: unchanged,
      unchangedPct: (100 * unchanged) / full,
      unchangedStatus: last.unchangedStatus,
      unchangedWork: last.unchangedWork,
      fullWork: last.fullWork,
      rounds,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  '| Apps | Repo | YAML files (docs) | Entities | Baseline: read + parse, s (CPU s) | Full ingest, s (CPU s) | Ratio wall (CPU) | Peak RSS ingest (baseline), MiB | Unchanged refresh, ms (% of full); CPU ms (% of full) | Unchanged refresh work |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const w = r.unchangedWork;
  console.log(
    `| ${r.apps} | ${r.kind} | ${r.files} (${r.documents}) | ${r.entities} | ${r.baselineS.toFixed(2)} (${r.baselineCpuS.toFixed(2)}) | ${r.fullS.toFixed(2)} (${r.fullCpuS.toFixed(2)}) | ${r.ratio.toFixed(2)} (${r.cpuRatio.toFixed(2)}) | ${r.peakRssMiB} (${r.baselineRssMiB}) | ${r.unchangedMs.toFixed(0)} (${r.unchangedPct.toFixed(1)} %); ${r.unchangedCpuMs.toFixed(0)} (${((100 * r.unchangedCpuMs) / (r.fullCpuS * 1000)).toFixed(1)} %) | ${r.unchangedStatus}: ${w.stat} stat, ${w.readFile} read, ${w.parsed} parsed, ${w.mutations} mutations, ${w.entities} entities |`,
  );
}
console.log(`\nRounds per size: ${rows.map(r => `${r.apps}: ${r.rounds}`).join(', ')} (medians). Full ingest work at the largest size: ${JSON.stringify(rows.at(-1)?.fullWork)}`);
