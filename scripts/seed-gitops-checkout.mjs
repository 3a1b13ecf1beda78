#!/usr/bin/env node
// Creates the embedded default's GitOps checkout: a real git repo under
// data/gitops/homelab-gitops seeded from examples/homelab-gitops, which
// discovery reads and templates commit branches to. Idempotent; an existing
// checkout is left alone (it may hold merged apps).
//
//   node scripts/seed-gitops-checkout.mjs [target] [from]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(root, 'data/gitops/homelab-gitops'));
const from = resolve(process.argv[3] ?? join(root, 'examples/homelab-gitops'));

if (existsSync(join(target, '.git'))) process.exit(0);
mkdirSync(dirname(target), { recursive: true });
// Built beside the target and renamed into place, so two starts at once
// never see a half-made checkout.
const tmp = mkdtempSync(join(dirname(target), '.seed-'));
try {
  cpSync(from, tmp, { recursive: true, filter: src => !src.includes('/.git') && !src.endsWith('/site') });
  const git = args =>
    execFileSync('git', args, {
      cwd: tmp,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, GIT_AUTHOR_NAME: 'Homelab Portal', GIT_AUTHOR_EMAIL: 'portal@localhost', GIT_COMMITTER_NAME: 'Homelab Portal', GIT_COMMITTER_EMAIL: 'portal@localhost' },
    });
  git(['init', '--quiet', '--initial-branch=main']);
  git(['add', '--all']);
  git(['commit', '--quiet', '-m', 'Seed from examples/homelab-gitops']);
  try {
    renameSync(tmp, target);
  } catch (e) {
    if (!existsSync(join(target, '.git'))) throw e;
  }
  console.error(`[portal] created the GitOps checkout ${target} from ${from}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
