#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests. On a fresh Debian machine as root it installs
// Debian's chromium with apt (Playwright's own download cannot reach its CDN there).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';

const found = await findChromium();
if (found) {
  console.log(`[ensure-browser] using ${found}`);
  process.exit(0);
}
const isRoot = process.getuid?.() === 0;
if (!existsSync('/usr/bin/apt-get') || !isRoot) {
  console.error(
    '[ensure-browser] No Chromium found. Install one of: `npx playwright install chromium`, ' +
      "Debian's `apt-get install chromium`, or set CHROMIUM_PATH=/path/to/chromium.",
  );
  process.exit(1);
}
console.log("[ensure-browser] installing Debian's chromium with apt-get (once)…");
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
const installed = await findChromium();
if (!installed) {
  console.error('[ensure-browser] apt-get finished but no chromium binary was found');
  process.exit(1);
}
console.log(`[ensure-browser] using ${installed}`);
