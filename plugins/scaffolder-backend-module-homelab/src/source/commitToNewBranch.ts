import { ConflictError, InputError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Commits files onto a new branch of a git checkout without touching its
 * working tree or its current branch: objects and a temporary index first,
 * the branch ref last and only if it does not exist yet. A failure at any
 * step leaves no branch behind.
 */
export async function commitToNewBranch(o: {
  repo: string;
  base: string;
  branch: string;
  message: string;
  files: Array<{ path: string; content: string }>;
  author: { name: string; email: string };
}): Promise<{ commit: string; diff: string }> {
  const git = async (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) => {
    const child = run('git', args, { cwd: o.repo, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    if (input !== undefined) {
      child.child.stdin!.end(input);
    }
    return (await child).stdout.trim();
  };
  // Paths in the index are relative to the repository root: a folder inside a
  // larger repository (the portal's own examples/) must not get a branch there.
  const top = await git(['rev-parse', '--show-toplevel']);
  if ((await realpath(top)) !== (await realpath(o.repo))) {
    throw new InputError(`source: ${o.repo} is a folder inside the git repository ${top}, not a checkout of its own`);
  }
  await git(['check-ref-format', '--branch', o.branch]).catch(() => {
    throw new InputError(`branch: "${o.branch}" is not a valid branch name`);
  });
  const exists = await git(['rev-parse', '--verify', '--quiet', `refs/heads/${o.branch}`]).then(() => true, () => false);
  if (exists) throw new ConflictError(`branch: ${o.branch} already exists in ${o.repo}`);
  const baseCommit = await git(['rev-parse', '--verify', `${o.base}^{commit}`]);
  const tmp = await mkdtemp(join(tmpdir(), 'homelab-publish-'));
  const env = {
    GIT_INDEX_FILE: join(tmp, 'index'),
    GIT_AUTHOR_NAME: o.author.name,
    GIT_AUTHOR_EMAIL: o.author.email,
    GIT_COMMITTER_NAME: o.author.name,
    GIT_COMMITTER_EMAIL: o.author.email,
  };
  try {
    await git(['read-tree', baseCommit], env);
    for (const f of o.files) {
      const blob = await git(['hash-object', '-w', '--stdin'], env, f.content);
      await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${f.path}`], env);
    }
    const tree = await git(['write-tree'], env);
    const commit = await git(['commit-tree', tree, '-p', baseCommit, '-m', o.message], env);
    // The empty old value makes git refuse if the branch appeared meanwhile.
    await git(['update-ref', `refs/heads/${o.branch}`, commit, ''], env);
    const diff = await git(['diff', '--no-color', baseCommit, commit]);
    return { commit, diff };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
