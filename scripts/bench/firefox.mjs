// The Python side in Firefox (Debian's firefox-esr, WebDriver BiDi through puppeteer-core, as
// tests/engines/ drives it): cold Run and its bare-boot baseline, the pre-booted first Run, and the
// warm requests.post round trip with its baselines. Each measurement gets a browser of its own
// (puppeteer gives each launch a fresh temporary profile: empty cache, no service worker).
import { launchHeadlessFirefox } from '../lib/firefox-launch.mjs';
import { runtimeUrls } from './site.mjs';
import { armFirstOutput, bareBoot, countWorkerBoots, fetchRoundTrips, firstOutputMs, timerStepMs, workersSettled } from './inpage.mjs';
import { ROUND_TRIP_CODE, RT_AUTHORIZATION, RT_URL, parseRoundTrips, summarizeFetches } from './runtime.mjs';
import { median } from './stats.mjs';

/** @typedef {import('puppeteer-core').Browser} Browser */
/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startServer>>} Server */

const RUN_TIMEOUT_MS = 120_000;

/**
 * A new Firefox (fresh temporary profile) and one 1280×720 page, for every Firefox measurement.
 * @returns {Promise<{ browser: Browser, page: Page }>}
 */
export async function launchFirefox() {
  // performance.now() (and so Python's perf_counter) is coarsened to 1 ms in a page that is not
  // cross-origin isolated: too coarse for a 1–3 ms round trip. Measuring only; no code path changes.
  const browser = await launchHeadlessFirefox({ 'privacy.reduceTimerPrecision': false });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  return { browser, page };
}

/** @returns {Promise<string>} Firefox's version, from a short-lived browser */
export async function firefoxVersion() {
  const { browser } = await launchFirefox();
  try {
    return await browser.version();
  } finally {
    await browser.close();
  }
}

/**
 * Clicks the first exercise's Run; returns Run → first output (timed in the page) once the run ended.
 * @param {Page} page
 */
async function timeRun(page) {
  const before = await page.evaluate(armFirstOutput);
  const run = await page.$('fix401-exercise [data-part="run"]');
  if (!run) throw new Error('no Run button');
  await run.click();
  const elapsed = await page.evaluate(firstOutputMs);
  await waitRunEnded(page, before);
  return elapsed;
}

/**
 * @param {Page} page
 * @param {number} before the run count before Run was pressed
 */
async function waitRunEnded(page, before) {
  await page.waitForFunction(
    (n) => Number(/** @type {HTMLElement} */ (document.querySelector('fix401-exercise')).dataset.runs ?? '0') > n,
    { timeout: RUN_TIMEOUT_MS },
    before,
  );
}

/**
 * Cold: a new browser (empty cache), open the lesson, press Run at once.
 * @param {Server} server
 * @param {string} lesson
 */
export async function firefoxColdRun(server, lesson) {
  const { browser, page } = await launchFirefox();
  try {
    server.mark('firefox-cold');
    await page.goto(`${server.base}${lesson}`, { waitUntil: 'load', timeout: 60_000 });
    return await timeRun(page);
  } finally {
    await browser.close();
  }
}

/**
 * The cold Run's baseline: a new browser, the home page, a bare `loadPyodide()`.
 * @param {Server} server
 */
export async function firefoxBareBoot(server) {
  const { browser, page } = await launchFirefox();
  try {
    server.mark('firefox-bare-boot');
    await page.goto(`${server.base}/`, { waitUntil: 'load', timeout: 60_000 });
    return await page.evaluate(bareBoot, runtimeUrls(server.base));
  } finally {
    await browser.close();
  }
}

/**
 * Pre-booted first Run, later Runs, then the round-trip script (put in with the exercise's own
 * `loadCode`: no editor, no clipboard) and the page-made fetch baseline.
 * @param {Server} server
 * @param {string} lesson
 */
export async function firefoxWarmRuns(server, lesson) {
  const { browser, page } = await launchFirefox();
  try {
    await page.evaluateOnNewDocument(countWorkerBoots);
    server.mark('firefox-first-visit');
    const started = Date.now();
    await page.goto(`${server.base}${lesson}`, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(() => document.querySelector('fix401-exercise')?.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(
      () => (document.querySelector('fix401-exercise [data-part="runtime"]')?.textContent ?? '').includes('ready'),
      { timeout: 60_000 },
    );
    const bootFirstVisitMs = Date.now() - started;

    const preBootedMs = await timeRun(page);
    /** @type {number[]} */
    const later = [];
    for (let i = 0; i < 5; i++) later.push(await timeRun(page));

    await page.evaluate((code) => {
      const exercise = /** @type {HTMLElementTagNameMap['fix401-exercise']} */ (document.querySelector('fix401-exercise'));
      exercise.loadCode(code);
    }, ROUND_TRIP_CODE);
    // The standby runtime boots once the page is idle after a Run: let it finish first.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.waitForFunction(workersSettled, { timeout: 120_000 });
    const before = await page.evaluate(armFirstOutput);
    const run = await page.$('fix401-exercise [data-part="run"]');
    await run?.click();
    await waitRunEnded(page, before);
    const output = await page.evaluate(() => document.querySelector('fix401-exercise [data-part="output"]')?.textContent ?? '');
    const trips = parseRoundTrips(output);
    const fetches = summarizeFetches(await page.evaluate(fetchRoundTrips, { url: RT_URL, authorization: RT_AUTHORIZATION, n: 50 }));
    const timerStep = await page.evaluate(timerStepMs);
    return { bootFirstVisitMs, preBootedMs, laterRunMs: median(later), ...trips, ...fetches, timerStepMs: timerStep };
  } finally {
    await browser.close();
  }
}
