// Boot with and without the memory snapshot (src/runtime/python-boot.ts), in Chromium (a profile on
// disk) and Firefox (a fresh profile): the first visit (a normal boot, which takes and stores the
// snapshot), then repeat visits alternately with the snapshot (restored) and without it (deleted
// from Cache Storage just before the reload: a normal boot from the HTTP cache, which takes a new
// one). Each visit is timed from the navigation to "ready" as the warm group does, beside the
// worker's own boot time, and says how the worker booted. The baseline, in the same browser and
// profile afterwards: a bare Pyodide boot on the home page from the same caches.
import { persistentContext } from './browser.mjs';
import { launchFirefox } from './firefox.mjs';
import { bareBoot, countWorkerBoots } from './inpage.mjs';
import { exerciseState, showFirstExercise } from './instant-inpage.mjs';
import { atMost, info } from './report.mjs';
import { runtimeUrls } from './site.mjs';
import { kb, median, ms } from './stats.mjs';

/** @typedef {Awaited<ReturnType<typeof import('./server.mjs').startServer>>} Server */
/** @typedef {{ evaluate: Function }} AnyPage Playwright's or puppeteer's page */
/** @typedef {{ mode: string, rejected?: string, readMs?: number, restoreMs?: number, makeMs?: number, bytes?: number }} SnapshotReport */
/** @typedef {{ ms: number, bootMs: number, snapshot: SnapshotReport }} Visit */

/** Repeat visits of each kind, alternating. */
const ROUNDS = 3;
/** The Cache Storage name src/runtime/snapshot-store.ts uses. */
const CACHE = 'fix401-python-snapshot';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** In the page: how many snapshots Cache Storage holds. @param {string} name */
const storedSnapshots = async (name) => (await (await caches.open(name)).keys()).length;
/** In the page: deletes them. @param {string} name */
const dropSnapshots = (name) => caches.delete(name);
/** In the page: the last Python boot it saw (countWorkerBoots). */
const lastBoot = () => {
  const w = /** @type {Window & { __benchWorkers?: { boots: unknown[] } }} */ (window);
  return w.__benchWorkers?.boots.at(-1) ?? null;
};

/**
 * Waits (≤ 60 s) until the page's worker has stored its snapshot: a visitor who stays a few seconds.
 * @param {AnyPage} page
 */
export async function snapshotStored(page) {
  const deadline = Date.now() + 60_000;
  while ((await page.evaluate(storedSnapshots, CACHE)) < 1) {
    if (Date.now() > deadline) throw new Error('no Python snapshot was stored within 60 s');
    await sleep(100);
  }
}

/**
 * One visit: `go` navigates, then the first exercise is shown and the page polled until "ready".
 * @param {AnyPage} page
 * @param {() => Promise<unknown>} go
 * @returns {Promise<Visit>}
 */
async function visit(page, go) {
  const started = Date.now();
  await go();
  await page.evaluate(showFirstExercise);
  const deadline = started + 120_000;
  while (!/\bready\b/.test((await page.evaluate(exerciseState)).status)) {
    if (Date.now() > deadline) throw new Error('Python was not ready within 120 s');
    await sleep(50);
  }
  const elapsed = Date.now() - started;
  const boot = /** @type {{ bootMs: number, snapshot: SnapshotReport } | null} */ (await page.evaluate(lastBoot));
  if (!boot) throw new Error('no boot recorded');
  return { ms: elapsed, ...boot };
}

/**
 * The repeat visit's baseline, in the same browser and profile: a bare `loadPyodide()` (no
 * `requests`, no snapshot, no worker) on the site's home page, its files from the caches the
 * visits filled (the first boot fetches the deflated stdlib it reads, and is not counted).
 * @param {AnyPage} page
 * @param {() => Promise<unknown>} home opens the home page
 * @param {() => Promise<unknown>} reload
 * @param {string} base the site's origin
 * @returns {Promise<number[]>}
 */
async function cachedBareBoots(page, home, reload, base) {
  const urls = runtimeUrls(base);
  await home();
  await page.evaluate(bareBoot, urls);
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    await reload();
    times.push(await page.evaluate(bareBoot, urls));
  }
  return times;
}

/**
 * @param {AnyPage} page with countWorkerBoots installed
 * @param {{ open: () => Promise<unknown>, reload: () => Promise<unknown>, home: () => Promise<unknown>, base: string }} how
 */
async function measure(page, { open, reload, home, base }) {
  const first = await visit(page, open);
  /** @type {Visit[]} */
  const restored = [];
  /** @type {Visit[]} */
  const without = [];
  for (let i = 0; i < ROUNDS; i++) {
    await snapshotStored(page);
    restored.push(await visit(page, reload));
    await page.evaluate(dropSnapshots, CACHE);
    without.push(await visit(page, reload));
  }
  return { first, restored, without, bare: await cachedBareBoots(page, home, reload, base) };
}

/**
 * @param {Server} server
 * @param {string} lesson
 */
export async function chromiumSnapshot(server, lesson) {
  const { context, close } = await persistentContext(server.base);
  try {
    await context.addInitScript(countWorkerBoots);
    const page = context.pages()[0] ?? (await context.newPage());
    return await measure(page, {
      open: () => page.goto(lesson, { waitUntil: 'load' }),
      reload: () => page.reload({ waitUntil: 'load' }),
      home: () => page.goto('/', { waitUntil: 'load' }),
      base: server.base,
    });
  } finally {
    await close();
  }
}

/**
 * @param {Server} server
 * @param {string} lesson
 */
export async function firefoxSnapshot(server, lesson) {
  const { browser, page } = await launchFirefox();
  try {
    await page.evaluateOnNewDocument(countWorkerBoots);
    return await measure(page, {
      open: () => page.goto(`${server.base}${lesson}`, { waitUntil: 'load', timeout: 60_000 }),
      reload: () => page.reload({ waitUntil: 'load', timeout: 60_000 }),
      home: () => page.goto(`${server.base}/`, { waitUntil: 'load', timeout: 60_000 }),
      base: server.base,
    });
  } finally {
    await browser.close();
  }
}

/** A repeat visit restored from the snapshot boots to "ready" within this (issue 17). */
const RESTORED_BUDGET_MS = 800;

/**
 * @param {string} engine
 * @param {Awaited<ReturnType<typeof chromiumSnapshot>>} m
 * @returns {import('./report.mjs').Row[]}
 */
export function snapshotRows(engine, m) {
  const each = (/** @type {Visit[]} */ visits) =>
    visits.map((v) => `${ms(v.ms)}${v.snapshot.mode === 'restored' ? '' : ` (${v.snapshot.mode})`}`).join(', ');
  const workerMs = (/** @type {Visit[]} */ visits) => median(visits.map((v) => v.bootMs));
  const worker = (/** @type {Visit[]} */ visits) => ms(workerMs(visits));
  const restoredMs = median(m.restored.map((v) => v.ms));
  const bareMs = median(m.bare);
  const notRestored = m.restored.filter((v) => v.snapshot.mode !== 'restored');
  const made = m.first.snapshot;
  return [
    info(
      `${engine}: boot to "ready", first visit (network; snapshot taken)`,
      `${ms(m.first.ms)} (worker ${ms(m.first.bootMs)}; taking the snapshot ${made.makeMs === undefined ? made.mode : ms(made.makeMs)})`,
    ),
    {
      ...atMost(
        `${engine}: boot to "ready", repeat visit restored from the snapshot, median of ${m.restored.length}`,
        restoredMs,
        RESTORED_BUDGET_MS,
        ms,
        ` (each: ${each(m.restored)}; worker ${worker(m.restored)}, of which reading ${ms(median(m.restored.map((v) => v.snapshot.readMs ?? NaN)))}, restoring ${ms(median(m.restored.map((v) => v.snapshot.restoreMs ?? NaN)))})`,
      ),
      // A visit that was not restored does not count as one that was.
      ...(notRestored.length ? { ok: false, value: `not restored: ${notRestored.map((v) => v.snapshot.rejected).join('; ')}` } : {}),
    },
    info(
      `${engine}: boot to "ready", repeat visit without it (HTTP cache), median of ${m.without.length}`,
      `${ms(median(m.without.map((v) => v.ms)))} (each: ${each(m.without)}; worker ${worker(m.without)}, of which taking a new snapshot ${ms(median(m.without.map((v) => v.snapshot.makeMs ?? NaN)))})`,
    ),
    info(
      `${engine}: baseline, a bare Pyodide boot from the same caches (no requests, no snapshot), median of ${m.bare.length}`,
      `${ms(bareMs)} (each: ${m.bare.map(ms).join(', ')}); the restored visit is ${(restoredMs / bareMs).toFixed(2)}× it, its worker ${(workerMs(m.restored) / bareMs).toFixed(2)}×`,
    ),
    info(`${engine}: snapshot size (Cache Storage, one per origin)`, made.bytes ? kb(made.bytes) : made.mode),
  ];
}
