// Launches the Chromium the tests use (scripts/find-browser.mjs) through Playwright.
import { chromium } from '@playwright/test';
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
