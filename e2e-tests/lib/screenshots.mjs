// Where e2e screenshots go. A test run must leave the tree clean, so they are
// written to a temp folder; UPDATE_SCREENSHOTS=1 also copies them into
// docs/screenshots, the pictures the docs show.
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './backend.mjs';

const outDir = process.env.E2E_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'portal-screenshots-'));
const docsDir = join(repoRoot, 'docs/screenshots');
const update = process.env.UPDATE_SCREENSHOTS === '1';

/** Takes a screenshot of the page under `name` (e.g. `catalog.png`); returns its path. */
export async function screenshot(page, name, options = {}) {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, name);
  await page.screenshot({ ...options, path });
  if (update) {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(path, join(docsDir, name));
  }
  return path;
}
