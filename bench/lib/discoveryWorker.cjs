// One measurement in its own process, so peak RSS belongs to it alone.
// Run by bench/discovery.mjs with Backstage's TypeScript transform:
//
//   node --require @backstage/cli/config/nodeTransform.cjs bench/lib/discoveryWorker.cjs <mode> <repo dir>
//
// mode `baseline`: read every YAML file of the tree and parse it with `yaml`
//   (parseAllDocuments + toJS), nothing else.
// mode `ingest`: what the catalog module runs: GitOpsEntityProvider.refresh()
//   (snapshot read + repo model + entities + the full mutation handed to the
//   catalog), then a second refresh of the unchanged tree.
//
// Work is counted at the boundaries the provider cannot hide from: calls of
// fs.promises.readFile/stat/readdir, yaml.parseAllDocuments, and the entities
// of each mutation applied to the catalog connection.
// Prints one JSON line.
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const { join } = require('node:path');
const { createRequire } = require('node:module');

const [mode, root] = process.argv.slice(2);
const pluginRequire = createRequire(require.resolve('@internal/plugin-homelab-gitops-node/package.json'));
const yaml = pluginRequire('yaml');

const counts = { readFile: 0, stat: 0, readdir: 0, parsed: 0 };
for (const [name, key] of [
  ['readFile', 'readFile'],
  ['stat', 'stat'],
  ['lstat', 'stat'],
  ['readdir', 'readdir'],
]) {
  const original = fs.promises[name];
  fs.promises[name] = function counted(...args) {
    counts[key]++;
    return original.apply(this, args);
  };
}
const originalParse = yaml.parseAllDocuments;
yaml.parseAllDocuments = function counted(...args) {
  counts.parsed++;
  return originalParse.apply(this, args);
};
const snapshotCounts = () => ({ ...counts });
const diff = (a, b) => Object.fromEntries(Object.keys(b).map(k => [k, b[k] - a[k]]));

async function walk(dir, out) {
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['.git', 'node_modules', 'site'].includes(entry.name)) await walk(full, out);
    } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
  }
}

// CPU of this process plus its waited-for children (the `git` calls of a
// git work tree's fingerprint), from /proc/self/stat: utime, stime, cutime,
// cstime in clock ticks (100 per second here), so 10 ms resolution.
const CLK_TCK = 100;
const ticksMs = () => {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return {
    self: process.cpuUsage(),
    children: ((Number(fields[13]) + Number(fields[14])) * 1000) / CLK_TCK,
  };
};
const cpuMs = since => {
  const now = ticksMs();
  const u = process.cpuUsage(since.self);
  return (u.user + u.system) / 1000 + (now.children - since.children);
};

async function baseline() {
  const t0 = performance.now();
  const c0 = ticksMs();
  const files = [];
  await walk(root, files);
  let documents = 0;
  for (const file of files) {
    const content = await fs.promises.readFile(file, 'utf8');
    for (const doc of yaml.parseAllDocuments(content)) {
      doc.toJS();
      documents++;
    }
  }
  return { ms: performance.now() - t0, cpuMs: cpuMs(c0), files: files.length, documents };
}

async function ingest() {
  const { ConfigReader } = require('@backstage/config');
  const { GitOpsEntityProvider, readGitOpsSources } = require('@internal/plugin-catalog-backend-module-homelab-gitops');
  const [source] = readGitOpsSources(
    new ConfigReader({ homelab: { gitops: { owner: 'group:admins', sources: [{ id: 'bench', path: root }] } } }),
  );
  const mutations = [];
  const logger = {
    debug() {},
    info() {},
    warn() {},
    error(msg) {
      process.stderr.write(`${msg}\n`);
    },
    child() {
      return logger;
    },
  };
  const provider = new GitOpsEntityProvider(source, { reader: undefined, logger });
  await provider.connect({
    applyMutation: async m => {
      mutations.push(m.type === 'full' ? m.entities.length : m.added.length + m.removed.length);
    },
    refresh: async () => {},
  });
  const rssBefore = process.memoryUsage().rss;

  let before = snapshotCounts();
  let t0 = performance.now();
  let c0 = ticksMs();
  const full = await provider.refresh();
  const fullMs = performance.now() - t0;
  const fullCpuMs = cpuMs(c0);
  const fullWork = { ...diff(before, snapshotCounts()), entities: mutations.reduce((a, b) => a + b, 0) };
  const maxRssAfterFull = process.resourceUsage().maxRSS * 1024;

  const applied = mutations.length;
  before = snapshotCounts();
  t0 = performance.now();
  c0 = ticksMs();
  const again = await provider.refresh();
  const unchangedMs = performance.now() - t0;
  const unchangedCpuMs = cpuMs(c0);
  const unchangedWork = {
    ...diff(before, snapshotCounts()),
    mutations: mutations.length - applied,
    entities: mutations.slice(applied).reduce((a, b) => a + b, 0),
  };
  return {
    fullMs,
    fullCpuMs,
    fullStatus: full.status,
    fullWork,
    unchangedMs,
    unchangedCpuMs,
    unchangedStatus: again.status,
    unchangedWork,
    rssBeforeBytes: rssBefore,
    peakRssBytes: maxRssAfterFull,
  };
}

(mode === 'baseline' ? baseline() : ingest())
  .then(result => {
    process.stdout.write(`${JSON.stringify({ mode, ...result, peakRssBytes: result.peakRssBytes ?? process.resourceUsage().maxRSS * 1024 })}\n`);
  })
  .catch(e => {
    process.stderr.write(`${e.stack}\n`);
    process.exit(1);
  });
