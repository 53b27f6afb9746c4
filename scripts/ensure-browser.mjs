#!/usr/bin/env node
// Makes sure the browsers for the browser tests exist. On a fresh Debian machine as root it installs
// Debian's packages with apt (Playwright's own downloads cannot reach their CDN there).
// Usage: node scripts/ensure-browser.mjs [chromium] [firefox] [webkit] [nginx]   (default: chromium)
//   nginx: Debian's nginx, which tests/unit/scripts/nginx.test.ts runs deploy/nginx.conf with
//   chromium: Debian's chromium (Playwright, tests/e2e/), unless Playwright has its own
//   firefox:  firefox-esr (tests/engines/, WebDriver BiDi)
//   webkit:   webkit2gtk-driver (WebKitWebDriver + MiniBrowser), xvfb, xauth (tests/engines/)
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-browser.mjs';
import { BROWSERS, ENGINE_PACKAGES } from './find-engines.mjs';

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium'];
const unknown = wanted.filter((name) => !['chromium', 'firefox', 'webkit', 'nginx'].includes(name));
if (unknown.length) {
  console.error(`[ensure-browser] unknown browser ${unknown.join(', ')} (known: chromium, firefox, webkit, nginx)`);
  process.exit(2);
}

const NEEDS = {
  chromium: { packages: ['chromium'], noRecommends: false, present: async () => Boolean(await findChromium()) },
  ...ENGINE_PACKAGES,
  nginx: { packages: ['nginx'], noRecommends: true, present: () => ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p)) },
};
const HOW = {
  chromium: "`npx playwright install chromium`, Debian's `apt-get install chromium`, or set CHROMIUM_PATH=/path/to/chromium",
  firefox: "Debian's `apt-get install firefox-esr`, or set FIREFOX_PATH=/path/to/firefox",
  webkit: "Debian's `apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth`",
  nginx: "Debian's `apt-get install --no-install-recommends nginx`",
};

const missing = [];
for (const name of wanted) if (!(await NEEDS[name].present())) missing.push(name);
if (missing.length === 0) {
  await report();
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
if (!existsSync('/usr/bin/apt-get') || !isRoot) {
  for (const name of missing) console.error(`[ensure-browser] No ${name} found. Install it: ${HOW[name]}.`);
  process.exit(1);
}

// One `apt-get update` per machine and hour, however many test scripts call this.
const marker = join(tmpdir(), 'fix401-apt-updated');
const fresh = existsSync(marker) && Date.now() - statSync(marker).mtimeMs < 3_600_000;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
if (!fresh) {
  console.log('[ensure-browser] apt-get update (once)…');
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  writeFileSync(marker, new Date().toISOString());
}
for (const name of missing) {
  const { packages, noRecommends } = NEEDS[name];
  console.log(`[ensure-browser] installing Debian's ${packages.join(' ')} for ${name} with apt-get…`);
  execFileSync('apt-get', ['install', '-y', '-q', ...(noRecommends ? ['--no-install-recommends'] : []), ...packages], {
    stdio: 'inherit',
    env,
  });
  if (!(await NEEDS[name].present())) {
    console.error(`[ensure-browser] apt-get finished but ${name} is still incomplete`);
    process.exit(1);
  }
}
await report();

async function report() {
  for (const name of wanted) {
    if (name === 'chromium') console.log(`[ensure-browser] chromium: ${await findChromium()}`);
    if (name === 'firefox') console.log(`[ensure-browser] firefox: ${BROWSERS.firefox}`);
    if (name === 'webkit')
      console.log(`[ensure-browser] webkit: ${BROWSERS.webkitDriver} + ${BROWSERS.miniBrowser} under ${BROWSERS.xvfbRun}`);
  }
}
