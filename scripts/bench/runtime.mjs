// The Python side as a learner meets it: Run from cold, Run once pre-booted, the warm requests.post
// round trip, and a repeat visit served from the HTTP cache.
import { freshContext, persistentContext } from './browser.mjs';
import { firstExercise, pasteCode, runAndWait, timeRunToFirstOutput, waitReady } from './exercise.mjs';
import { bareBoot, countWorkerBoots, fetchRoundTrips, timerStepMs, workersSettled } from './inpage.mjs';
import { runtimeUrls } from './site.mjs';
import { median } from './stats.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startServer>>} Server */

const ROUND_TRIPS = 50;
/**
 * Untimed requests first: V8 runs Pyodide's interpreter in its baseline wasm tier until a few seconds
 * of hot code let TurboFan take over (measured in Chromium at load 6: medians of 10–15 ms for the
 * first 250 requests, 2.8–4 ms after). "Warm" means after that, as code that makes many requests
 * meets it; the first requests of a page are slower in Chromium for that reason alone.
 */
const WARM_UP_REQUESTS = 300;
export const RT_URL = 'https://api.example.com/endpoint';
export const RT_AUTHORIZATION = 'Bearer tok_live_8f2c4e9a1b7d3f';
/**
 * WARM_UP_REQUESTS + 50 `requests.post`, the timed ones each preceded by its baseline: building and preparing the same request
 * (`requests.Request(...).prepare()`), the Python every request pays before a byte is written. The
 * two are timed in turn, so a busy machine slows both.
 */
export const ROUND_TRIP_CODE = `import requests, time
url = "${RT_URL}"
headers = {"Authorization": "${RT_AUTHORIZATION}"}
for _ in range(${WARM_UP_REQUESTS}):  # warm-up, not counted (see WARM_UP_REQUESTS)
    r = requests.post(url, headers=headers, json={"warm": True})
print("status", r.status_code)
requests.Request("POST", url, headers=headers, json={"warm": True}).prepare()
for i in range(${ROUND_TRIPS}):
    t0 = time.perf_counter()  # time.time is the sandbox's virtual clock; perf_counter is real
    requests.Request("POST", url, headers=headers, json={"i": i}).prepare()
    t1 = time.perf_counter()
    requests.post(url, headers=headers, json={"i": i})
    t2 = time.perf_counter()
    print("prep_ms", (t1 - t0) * 1000, "rt_ms", (t2 - t1) * 1000)
`;

/**
 * @param {number[]} values
 * @returns {number} the 90th percentile (nearest rank)
 */
export const p90 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.9) - 1)];

/**
 * Reads the round-trip run's output.
 * @param {string} output
 */
export function parseRoundTrips(output) {
  const trips = [...output.matchAll(/rt_ms ([\d.e-]+)/g)].map((m) => Number(m[1]));
  const prepares = [...output.matchAll(/prep_ms ([\d.e-]+)/g)].map((m) => Number(m[1]));
  const status = /status (\d+)/.exec(output)?.[1] ?? '?';
  if (trips.length !== ROUND_TRIPS || prepares.length !== ROUND_TRIPS)
    throw new Error(`round-trip run printed ${trips.length} timings:\n${output.slice(0, 2000)}`);
  return {
    roundTripMedianMs: median(trips),
    roundTripP90Ms: p90(trips),
    roundTripMeanMs: trips.reduce((a, b) => a + b, 0) / trips.length,
    prepareMedianMs: median(prepares),
    roundTripStatus: status,
  };
}

/**
 * The page-made fetch baseline, summarized.
 * @param {{ times: number[], status: number, error: string | null }} result
 */
export function summarizeFetches(result) {
  return { fetchMedianMs: median(result.times), fetchP90Ms: p90(result.times), fetchStatus: result.status, fetchError: result.error };
}

/** Python's own files (the archives packed, `.zst`): a repeat visit should not fetch them again. */
const PYTHON_ASSETS = /\/pyodide\/[0-9a-f]{16}\/(pyodide\.asm\.wasm|python_stdlib\.zip(\.zst)?|[^/]+\.whl(\.zst)?)$/;

/**
 * Cold: empty cache, open the lesson, press Run at once.
 * @param {Browser} browser
 * @param {Server} server
 * @param {string} lesson
 */
export async function coldRun(browser, server, lesson) {
  const context = await freshContext(browser, server.base);
  try {
    const page = await context.newPage();
    server.mark('cold');
    await page.goto(lesson, { waitUntil: 'load' });
    return await timeRunToFirstOutput(firstExercise(page));
  } finally {
    await context.close();
  }
}

/**
 * Waits (up to 2 min) until the standby runtime that a first Run asks for has booted, so it does not
 * share the CPU with what is timed next. It starts when the page is idle after a run.
 * @param {{ waitForTimeout(ms: number): Promise<unknown>, waitForFunction(fn: () => boolean, arg?: unknown, options?: { timeout: number }): Promise<unknown> }} page
 */
export async function standbySettled(page) {
  await page.waitForTimeout(1500);
  await page.waitForFunction(workersSettled, undefined, { timeout: 120_000 });
}

/**
 * The cold Run's baseline: empty cache, open the site's home page (no exercise, no pre-boot), then a
 * bare `loadPyodide()` in the page.
 * @param {Browser} browser
 * @param {Server} server
 */
export async function bareBootMs(browser, server) {
  const context = await freshContext(browser, server.base);
  try {
    const page = await context.newPage();
    server.mark('bare-boot');
    await page.goto('/', { waitUntil: 'load' });
    return await page.evaluate(bareBoot, runtimeUrls(server.base));
  } finally {
    await context.close();
  }
}

/**
 * First visit (boot from the network) → pre-booted Run → round trips → repeat visit (boot from cache).
 * @param {Server} server
 * @param {string} lesson
 */
export async function warmRuns(server, lesson) {
  // A profile on disk (empty at first), so the repeat visit meets a real HTTP cache.
  const { context, close } = await persistentContext(server.base);
  try {
    await context.addInitScript(countWorkerBoots);
    const page = context.pages()[0] ?? (await context.newPage());
    server.mark('first-visit');
    let started = Date.now();
    await page.goto(lesson, { waitUntil: 'load' });
    const exercise = firstExercise(page);
    await exercise.scrollIntoViewIfNeeded();
    await waitReady(exercise);
    const bootFirstVisitMs = Date.now() - started;

    server.mark('runs');
    const preBootedMs = await timeRunToFirstOutput(exercise);
    /** @type {number[]} */
    const later = [];
    for (let i = 0; i < 5; i++) later.push(await timeRunToFirstOutput(exercise));

    await pasteCode(exercise, ROUND_TRIP_CODE);
    await standbySettled(page);
    const output = await runAndWait(exercise);
    const trips = parseRoundTrips(output);
    const fetches = summarizeFetches(
      await page.evaluate(fetchRoundTrips, { url: RT_URL, authorization: RT_AUTHORIZATION, n: ROUND_TRIPS }),
    );
    const timerStep = await page.evaluate(timerStepMs);

    server.mark('repeat-visit');
    started = Date.now();
    await page.reload({ waitUntil: 'load' });
    const again = firstExercise(page);
    await again.scrollIntoViewIfNeeded();
    await waitReady(again);
    const bootRepeatVisitMs = Date.now() - started;
    await page.waitForTimeout(500);
    const refetched = server.hitsIn('repeat-visit').filter((h) => PYTHON_ASSETS.test(h.path) && h.status === 200 && h.bytes > 0);
    const repeatAll = server.hitsIn('repeat-visit');

    return {
      bootFirstVisitMs,
      preBootedMs,
      laterRunMs: median(later),
      ...trips,
      ...fetches,
      timerStepMs: timerStep,
      bootRepeatVisitMs,
      refetched: refetched.map((h) => h.path.replace(/^.*\//, '')),
      refetchedBytes: refetched.reduce((s, h) => s + h.bytes, 0),
      repeatRequests: repeatAll.length,
      repeatBytes: repeatAll.reduce((s, h) => s + h.bytes, 0),
    };
  } finally {
    await close();
  }
}
