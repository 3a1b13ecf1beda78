// A stock `@backstage/create-app` app on the portal's Backstage release, for
// benches that measure the portal next to it. Generated and installed once
// into a git-ignored folder (data/bench/stock-app by default); a rerun finds
// the stamp and reuses it, so only the first run pays the ~5 minute install.
//
// create-app cannot fetch its yarn.lock seed here, so a fresh resolution
// would mix two Backstage releases and the stock backend would not start.
// It gets the same @backstage/* `resolutions` the portal has (what the lock
// seed would have done; scripts/align-backstage-versions.mjs made them).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CREATE_APP_VERSION = '0.9.2';

/** Returns the stock app's folder, generating and installing it first if needed. */
export function ensureStockApp(repoRoot, dir = join(repoRoot, 'data/bench/stock-app')) {
  const stamp = join(dir, 'node_modules/.bench-stock-app-stamp');
  const portalPkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const wanted = JSON.stringify({ createApp: CREATE_APP_VERSION, resolutions: portalPkg.resolutions });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return dir;

  console.error(`stock app: generating @backstage/create-app@${CREATE_APP_VERSION} into ${dir} and installing it (once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  const gen = mkdtempSync(join(tmpdir(), 'stock-app-gen-'));
  try {
    // From a folder of its own, so npx does not read the portal's workspaces.
    writeFileSync(join(gen, 'package.json'), JSON.stringify({ name: 'gen', packageManager: portalPkg.packageManager }));
    execFileSync('npx', ['-y', `@backstage/create-app@${CREATE_APP_VERSION}`, '--skip-install', '--path', dir], {
      cwd: gen,
      input: 'stock-app\n',
      stdio: ['pipe', 'ignore', 'inherit'],
    });
  } finally {
    rmSync(gen, { recursive: true, force: true });
  }
  const pkgFile = join(dir, 'package.json');
  const stock = JSON.parse(readFileSync(pkgFile, 'utf8'));
  stock.resolutions = { ...(stock.resolutions ?? {}), ...portalPkg.resolutions };
  writeFileSync(pkgFile, `${JSON.stringify(stock, null, 2)}\n`);
  writeFileSync(join(dir, 'yarn.lock'), '');
  execFileSync('yarn', ['install'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stamp, wanted);
  return dir;
}
