// The "instant" figures, in Chromium and Firefox the same way: the pre-booted first Run and later
// Runs (click → first output), Stop → Run usable with the standby runtime ready and, as its baseline
// on the same page, with the standby turned off, the Run right after a Stop, and (Chromium, through
// CDP) the memory of the page and of every Python worker once the standby has booted (wasm memory in
// both engines, as each worker reports it). Firefox adds its repeat visit (boot to "ready" from its
// HTTP cache and the stored snapshot).
import { freshContext } from './browser.mjs';
import { launchFirefox } from './firefox.mjs';
import { openTargets } from './cdp.mjs';
import { armStopToUsable, exerciseState, showFirstExercise, stopToUsableMs, swapExerciseCode, workerBoots } from './instant-inpage.mjs';
import { armFirstOutput, countWorkerBoots, firstOutputMs } from './inpage.mjs';
import { median } from './stats.mjs';
import { snapshotStored } from './snapshot.mjs';

/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startServer>>} Server */
/** @typedef {{ evaluate: Function }} AnyPage Playwright's or puppeteer's page: both evaluate(fn, arg) */
/** @typedef {(part: 'run' | 'stop') => Promise<unknown>} Click clicks a button of the first exercise */

/** Stops measured per engine: each consumes the standby, and the next waits for a new one. */
const STOPS = 3;
/** Stops measured afterwards on the same page with the standby turned off: the re-boot it saves. */
const STOPS_WITHOUT_STANDBY = 2;
const LATER_RUNS = 5;
/** A run that never ends on its own, so Stop has something to stop. */
const LOOP = 'while True:\n    pass\n';
/** How long Python must be looping before Stop: the worker is busy, not still receiving the run. */
const LOOPING_MS = 300;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `fn` in the page until it returns something truthy.
 * @template T
 * @param {AnyPage} page
 * @param {(arg: any) => T} fn
 * @param {(value: Awaited<T>) => boolean} done
 * @param {number} timeoutMs
 * @param {string} what for the error message
 * @returns {Promise<Awaited<T>>}
 */
async function until(page, fn, done, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(fn);
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** @param {AnyPage} page @param {number} timeoutMs */
const untilReady = (page, timeoutMs) => until(page, exerciseState, (s) => /\bready\b/.test(s.status), timeoutMs, 'Python ready');

/**
 * Clicks Run and returns click → first output (timed in the page), once the run has ended.
 * @param {AnyPage} page
 * @param {Click} click
 */
async function timedRun(page, click) {
  const before = await page.evaluate(armFirstOutput);
  await click('run');
  const elapsed = await page.evaluate(firstOutputMs);
  await until(page, exerciseState, (s) => s.runs > before, 120_000, 'the run to end');
  return elapsed;
}

/**
 * Waits (up to 60 s) for a standby worker to exist and every worker to have booted; false when the
 * page made none (its policy: a data-saving link, a small device).
 * @param {AnyPage} page
 * @param {number} workersBefore Python workers created before the standby was due
 */
async function standbyReady(page, workersBefore) {
  // The standby starts when the page is idle after a run (requestIdleCallback, at most 5 s later).
  const noneAfter = Date.now() + 10_000;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { created, booted } = await page.evaluate(workerBoots);
    if (created > workersBefore && booted >= created) return true;
    if (created === workersBefore && Date.now() > noneAfter) return false;
    if (Date.now() > deadline) throw new Error(`the standby did not boot (created ${created}, booted ${booted})`);
    await sleep(100);
  }
}

/**
 * Loops, clicks Stop 300 ms in, and returns Stop → usable, the Python workers created meanwhile, and
 * the Run right after it (click → first output).
 * @param {AnyPage} page
 * @param {Click} click
 */
async function timedStop(page, click) {
  const workers = (await page.evaluate(workerBoots)).created;
  const original = await page.evaluate(swapExerciseCode, LOOP);
  const before = await page.evaluate(exerciseState);
  await click('run');
  await until(page, exerciseState, (s) => s.state === 'running', 30_000, 'the loop to start');
  await sleep(LOOPING_MS);
  await page.evaluate(armStopToUsable);
  await click('stop');
  const stopMs = await page.evaluate(stopToUsableMs);
  const created = (await page.evaluate(workerBoots)).created - workers;
  await until(page, exerciseState, (s) => s.runs > before.runs, 30_000, 'the stopped run to end');
  await page.evaluate(swapExerciseCode, original);
  return { stopMs, created, afterStopMs: await timedRun(page, click), workers };
}

/**
 * The same page as a device the policy gives no standby (under 4 GB): whatever standby is left is
 * swapped in by a first Stop, then each Stop terminates the worker and boots a new one (as before the
 * standby). The baseline for the Stop rows, measured in the same run and engine.
 * @param {AnyPage} page
 * @param {Click} click
 */
async function stopsWithoutStandby(page, click) {
  await page.evaluate(() => Object.defineProperty(navigator, 'deviceMemory', { value: 2, configurable: true }));
  // A standby already due on idle still boots (idle callbacks come within 5 s): let it, then use it up.
  await sleep(6000);
  await until(page, workerBoots, (w) => w.booted >= w.created, 120_000, 'every Python worker to boot');
  await timedStop(page, click);
  /** @type {number[]} */
  const stops = [];
  for (let i = 0; i < STOPS_WITHOUT_STANDBY; i++) {
    const { stopMs, created } = await timedStop(page, click);
    if (created !== 1) throw new Error(`a Stop without a standby created ${created} Python workers, not 1`);
    stops.push(stopMs);
  }
  return stops;
}

/**
 * On a lesson already open (with countWorkerBoots installed): the pre-booted first Run, later Runs,
 * then Stop → usable and the Run after it, STOPS times, then STOPS_WITHOUT_STANDBY times without a standby.
 * @param {AnyPage} page
 * @param {Click} click
 * @param {(() => Promise<void>) | null} [withStandby] called once the standby has booted (memory)
 */
export async function measureInstant(page, click, withStandby = null) {
  await page.evaluate(showFirstExercise);
  await untilReady(page, 120_000);
  const firstRunMs = await timedRun(page, click);
  /** @type {number[]} */
  const later = [];
  for (let i = 0; i < LATER_RUNS; i++) later.push(await timedRun(page, click));

  /** @type {number[]} */
  const stops = [];
  /** @type {number[]} */
  const afterStop = [];
  let standby = await standbyReady(page, 1);
  // Both workers' wasm memory, as each reported it (the runtime after its runs, the standby at boot).
  const { wasmBytes } = await page.evaluate(workerBoots);
  if (standby && withStandby) await withStandby();
  for (let i = 0; i < STOPS; i++) {
    const { stopMs, afterStopMs, workers } = await timedStop(page, click);
    stops.push(stopMs);
    afterStop.push(afterStopMs);
    // The next Stop should meet a ready standby again (it boots when the page is idle).
    if (standby && i < STOPS - 1) standby = await standbyReady(page, workers);
  }
  const stopsNoStandby = await stopsWithoutStandby(page, click);
  return { firstRunMs, laterRunMs: median(later), laterRuns: later, stops, stopsNoStandby, afterStop, standby, wasmBytes };
}

/** How long a learner reads after "ready" before the second first-Run figure's click. */
const READING_MS = 3000;

/**
 * The pre-booted first Run again, on a fresh page, clicked READING_MS after "ready" instead of at
 * once: the worker has then stored its snapshot and run its warm-ups (python.worker.ts), as for a
 * learner who reads the lesson before pressing Run. Reported beside the budgeted figure, not instead.
 * @param {import('@playwright/test').Browser} browser
 * @param {Server} server
 * @param {string} lesson
 */
async function firstRunAfterReading(browser, server, lesson) {
  const context = await freshContext(browser, server.base);
  try {
    const page = await context.newPage();
    await page.goto(lesson, { waitUntil: 'load' });
    await page.evaluate(showFirstExercise);
    await untilReady(page, 120_000);
    await sleep(READING_MS);
    /** @param {'run' | 'stop'} part */
    const click = (part) => page.locator('fix401-exercise').first().locator(`[data-part="${part}"]`).click();
    return await timedRun(page, click);
  } finally {
    await context.close();
  }
}

/**
 * Chromium: a fresh context; memory read through CDP once the standby has booted.
 * @param {import('@playwright/test').Browser} browser
 * @param {Server} server
 * @param {string} lesson
 */
export async function chromiumInstant(browser, server, lesson) {
  const context = await freshContext(browser, server.base);
  const targets = await openTargets(browser);
  try {
    await context.addInitScript(countWorkerBoots);
    const page = await context.newPage();
    server.mark('instant');
    await page.goto(lesson, { waitUntil: 'load' });
    /** @param {'run' | 'stop'} part */
    const click = (part) => page.locator('fix401-exercise').first().locator(`[data-part="${part}"]`).click();
    /** @type {{ page: import('./cdp.mjs').Memory, workers: import('./cdp.mjs').Memory[] } | null} */
    let memory = null;
    const result = await measureInstant(page, click, async () => {
      await sleep(1000);
      const infos = await targets.list();
      const pageInfo = infos.find((t) => t.type === 'page' && t.url === page.url());
      if (!pageInfo) throw new Error('page target not found');
      const read = async (/** @type {string} */ id) => {
        const target = await targets.attach(id);
        const m = await target.memory();
        await target.detach();
        return m;
      };
      const workers = [];
      for (const info of infos.filter((t) => t.type === 'worker' && t.url.includes('python.worker')))
        workers.push(await read(info.targetId));
      memory = { page: await read(pageInfo.targetId), workers };
    });
    return { ...result, memory, firstRunAfterReadingMs: await firstRunAfterReading(browser, server, lesson) };
  } finally {
    await targets.close().catch(() => undefined);
    await context.close();
  }
}

/**
 * Firefox (Debian's firefox-esr over WebDriver BiDi, a fresh profile): first visit and repeat visit
 * (reload: boot from the HTTP cache and the stored snapshot) to "ready", then the same runs and Stops as Chromium.
 * @param {Server} server
 * @param {string} lesson
 */
export async function firefoxInstant(server, lesson) {
  const { browser, page } = await launchFirefox();
  try {
    await page.evaluateOnNewDocument(countWorkerBoots);
    server.mark('firefox-instant');
    let started = Date.now();
    await page.goto(`${server.base}${lesson}`, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(showFirstExercise);
    await untilReady(page, 120_000);
    const bootFirstVisitMs = Date.now() - started;
    // A returning visitor comes back after the first visit's snapshot is stored (the snapshot group
    // measures the repeat visit without it).
    await snapshotStored(page);
    started = Date.now();
    await page.reload({ waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(showFirstExercise);
    await untilReady(page, 120_000);
    const bootRepeatVisitMs = Date.now() - started;
    /** @param {'run' | 'stop'} part */
    const click = (part) => page.click(`fix401-exercise [data-part="${part}"]`);
    return { ...(await measureInstant(page, click)), bootFirstVisitMs, bootRepeatVisitMs };
  } finally {
    await browser.close();
  }
}
