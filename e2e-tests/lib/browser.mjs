// Debian's Chromium for the browser tests, and signing in the way a user does
// on the embedded default's sign-in page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './backend.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium without the background traffic this machine's closed
 * network refuses. The backend serves the built app, so that must exist too.
 */
export async function launchChromium() {
  assert.ok(existsSync(join(repoRoot, 'packages/app/dist/index.html')), 'the app must be built first (yarn workspace app build)');
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Signs in with one of the two dev guests (`admin`: "Guest", button Enter;
 * `friend`: "Guest (friend)", button Sign In) and waits for the home page.
 */
export async function signIn(page, baseUrl, as = 'admin') {
  await page.goto(baseUrl, { waitUntil: 'networkidle' });
  if (as === 'friend') {
    await page.getByText('Guest (friend)').waitFor();
    await page.getByRole('button', { name: 'Sign In' }).click();
  } else {
    await page.getByRole('button', { name: 'Enter' }).click();
  }
  // The home page is the front door; its first action is creating an app.
  await page.getByRole('button', { name: 'Create an app' }).waitFor();
}
