import { ConfigReader } from '@backstage/config';
import {
  buildRepoModel,
  DEFAULT_LAYOUT,
  learnConventions,
  readConventionOverrides,
  readLocalRepo,
} from '@internal/plugin-homelab-gitops-node';
import { resolve } from 'node:path';
import type { RepoContext } from '../source/RepoContext';

// Test helper only (never part of a build), so __dirname is the source folder.
// eslint-disable-next-line no-restricted-syntax
export const EXAMPLE_REPO = resolve(__dirname, '../../../../examples/homelab-gitops');

/** The example repo (or another fixture folder) read as a plan would read it. */
export async function repoContextOf(dir = EXAMPLE_REPO, conventions: object = {}): Promise<RepoContext> {
  const snapshot = await readLocalRepo(dir);
  const model = buildRepoModel(snapshot, DEFAULT_LAYOUT);
  return {
    sourceId: 'homelab-gitops',
    path: dir,
    snapshot,
    model,
    layout: DEFAULT_LAYOUT,
    conventions: learnConventions(snapshot, model, readConventionOverrides(new ConfigReader({ homelab: { conventions } }))),
  };
}
