#!/usr/bin/env node
// Creates the embedded default's GitOps checkout: a real git repo under
// data/gitops/homelab-gitops seeded from examples/homelab-gitops, which
// discovery reads and templates commit branches to. Idempotent. A checkout
// nobody has touched yet (only the seed commit, no branches) is re-seeded when
// the example changed; one with merged apps or open branches is left alone.
//
//   node scripts/seed-gitops-checkout.mjs [target] [from]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(root, 'data/gitops/homelab-gitops'));
const from = resolve(process.argv[3] ?? join(root, 'examples/homelab-gitops'));
const SEED_MESSAGE = 'Seed from examples/homelab-gitops';
const identity = { GIT_AUTHOR_NAME: 'Homelab Portal', GIT_AUTHOR_EMAIL: 'portal@localhost', GIT_COMMITTER_NAME: 'Homelab Portal', GIT_COMMITTER_EMAIL: 'portal@localhost' };
const git = (cwd, args) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...identity } }).toString().trim();

/** A new checkout of the example, built beside the target so it can be renamed into place. */
function seed() {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), '.seed-'));
  // The example's own build output (site/) and any nested .git are not part of the repo.
  cpSync(from, tmp, { recursive: true, filter: src => !['.git', 'site'].includes(basename(src)) });
  git(tmp, ['init', '--quiet', '--initial-branch=main']);
  git(tmp, ['add', '--all']);
  git(tmp, ['commit', '--quiet', '-m', SEED_MESSAGE]);
  return tmp;
}

const untouched = dir =>
  git(dir, ['rev-list', '--count', 'HEAD']) === '1' &&
  git(dir, ['log', '-1', '--format=%s']) === SEED_MESSAGE &&
  git(dir, ['branch', '--format=%(refname:short)']) === 'main' &&
  git(dir, ['status', '--porcelain']) === '';

const fresh = seed();
try {
  if (!existsSync(join(target, '.git'))) {
    try {
      renameSync(fresh, target);
      console.error(`[portal] created the GitOps checkout ${target} from ${from}`);
    } catch (e) {
      // Another start made it meanwhile.
      if (!existsSync(join(target, '.git'))) throw e;
    }
  } else {
    try {
      if (untouched(target) && git(target, ['rev-parse', 'HEAD^{tree}']) !== git(fresh, ['rev-parse', 'HEAD^{tree}'])) {
        const old = `${target}.old-${process.pid}`;
        renameSync(target, old);
        renameSync(fresh, target);
        rmSync(old, { recursive: true, force: true });
        console.error(`[portal] the example repo changed: re-seeded the untouched GitOps checkout ${target}`);
      }
    } catch (e) {
      // Another start re-seeding at the same moment; its checkout is as good.
      if (!existsSync(join(target, '.git'))) throw e;
    }
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
