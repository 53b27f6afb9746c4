// The subpath build the browser tests share (Chromium's tests/e2e/subpath.spec.ts, the Firefox and
// WebKit suites): built once by `npm run build:subpath` (npm test does it before both), or on demand
// by the first suite that needs it when run alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const SUBPATH_BASE = '/fix401/';

/**
 * The folder holding a `BASE_PATH=/fix401/` build. FIX401_SUBPATH_DIST names an existing one (npm
 * test sets it after `npm run build:subpath`); without it, dist-subpath/ is built now (about a minute).
 * @returns {string}
 */
export function subpathDist() {
  const given = process.env.FIX401_SUBPATH_DIST;
  if (given) {
    const dir = resolve(ROOT, given);
    if (!existsSync(join(dir, 'index.html')))
      throw new Error(`FIX401_SUBPATH_DIST=${given} has no built site: run \`npm run build:subpath\``);
    return dir;
  }
  const dir = join(ROOT, 'dist-subpath');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-site.mjs'), `--base=${SUBPATH_BASE}`, `--out=${dir}`], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}
