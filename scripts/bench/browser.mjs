// Launches the Chromium the tests use (scripts/find-browser.mjs) through Playwright.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../find-browser.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */

/** @returns {Promise<string>} */
export async function chromiumPath() {
  const path = await findChromium();
  if (!path) throw new Error('no Chromium found: install one (see README) or set CHROMIUM_PATH');
  return path;
}

/** @returns {Promise<Browser>} */
export async function launchBrowser() {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

/**
 * A fresh context (empty cache and storage) that may use the clipboard.
 * @param {Browser} browser
 * @param {string} baseURL
 * @returns {Promise<BrowserContext>}
 */
export async function freshContext(browser, baseURL) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return context;
}

/**
 * A fresh profile on disk, as a returning visitor has. Playwright's ordinary contexts are
 * off-the-record: their HTTP cache lives in memory and refuses large entries (the 9 MB wasm), so a
 * repeat visit there re-downloads it whatever the headers say.
 * @param {string} baseURL
 * @returns {Promise<{ context: BrowserContext, close: () => Promise<void> }>}
 */
export async function persistentContext(baseURL) {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    baseURL,
    serviceWorkers: 'allow',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
