import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import homelabModule from '../index';

// Test helper only (never part of a build), so __dirname is the source folder.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** A template of `templates/<name>/template.yaml` as the catalog would serve it. */
export function templateEntity(name: string) {
  const t = parse(readFileSync(join(REPO_ROOT, 'templates', name, 'template.yaml'), 'utf8'));
  t.metadata.namespace = 'default';
  return t;
}

/**
 * The real scaffolder backend with this module and the given templates,
 * writing into a fresh seeded GitOps checkout under `tmp`.
 */
export async function startTemplateBackend(tmp: string, templates: string[], homelab: Record<string, unknown> = {}) {
  const checkout = join(tmp, 'homelab-gitops');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/seed-gitops-checkout.mjs'), checkout]);
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      homelabModule,
      catalogServiceMock.factory({ entities: templates.map(templateEntity) }),
      mockServices.rootConfig.factory({
        data: {
          backend: { workingDirectory: tmp },
          homelab: { gitops: { sources: [{ id: 'homelab-gitops', path: checkout }] }, ...homelab },
        },
      }),
    ],
  });
  return { server: backend.server, checkout };
}
