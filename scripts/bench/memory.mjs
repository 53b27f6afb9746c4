// Memory with 1 and with 10 live editors on one page, and how many Python runtimes that page has.
// No lesson has 10 exercises, so the 10-editor page is the lesson with the most exercises plus
// clones of its first exercise (the same custom element, connected like the originals).
import { freshContext } from './browser.mjs';
import { openTargets } from './cdp.mjs';
import { firstExercise, runAndWait, waitReady } from './exercise.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('./cdp.mjs').Memory} Memory */

/**
 * @param {Browser} browser
 * @param {string} base
 * @param {string} lesson
 * @param {number} editors
 */
export async function measureMemory(browser, base, lesson, editors) {
  const context = await freshContext(browser, base);
  const targets = await openTargets(browser);
  try {
    // Wasm memory: the worker reports its heap size (HEAP8.length) with every finished run; listen.
    await context.addInitScript(() => {
      const w = /** @type {Window & { __benchWasmBytes?: number, __benchPythonWorkers?: number }} */ (window);
      const Native = window.Worker;
      w.__benchPythonWorkers = 0;
      window.Worker = class extends Native {
        /** @param {string | URL} url @param {WorkerOptions} [options] */
        constructor(url, options) {
          super(url, options);
          if (String(url).includes('python.worker')) w.__benchPythonWorkers = (w.__benchPythonWorkers ?? 0) + 1;
          this.addEventListener('message', (event) => {
            const data = event.data;
            if (data?.type === 'done' && typeof data.payload?.heapBytes === 'number') w.__benchWasmBytes = data.payload.heapBytes;
          });
        }
      };
    });
    const page = await context.newPage();
    await page.goto(lesson, { waitUntil: 'load' });
    const original = await page.locator('fix401-exercise').count();
    await page.evaluate((want) => {
      const all = document.querySelectorAll('fix401-exercise');
      const first = all[0];
      let last = all[all.length - 1];
      for (let i = all.length; i < want; i++) {
        const clone = /** @type {HTMLElement} */ (first.cloneNode(true));
        last.after(clone);
        last = clone;
      }
    }, editors);
    const exercises = page.locator('fix401-exercise');
    for (let i = 0; i < editors; i++) {
      const host = exercises.nth(i).locator('[data-part="editor"]');
      await host.click();
      await exercises.nth(i).locator('[data-part="editor"].is-live').waitFor({ state: 'attached', timeout: 30_000 });
    }
    const exercise = firstExercise(page);
    await exercise.scrollIntoViewIfNeeded();
    await waitReady(exercise);
    await runAndWait(exercise);
    await page.waitForTimeout(1000);

    const pythonWorkers = page.workers().filter((w) => w.url().includes('python.worker')).length;
    const reported = await page.evaluate(() => {
      const w = /** @type {Window & { __benchWasmBytes?: number, __benchPythonWorkers?: number }} */ (window);
      return { wasmBytes: w.__benchWasmBytes ?? Number.NaN, constructed: w.__benchPythonWorkers ?? 0 };
    });
    const infos = await targets.list();
    const pageInfo = infos.find((t) => t.type === 'page' && t.url === page.url());
    const workerInfos = infos.filter((t) => t.type === 'worker' && t.url.includes('python.worker'));
    if (!pageInfo) throw new Error('page target not found');
    const pageTarget = await targets.attach(pageInfo.targetId);
    const pageMemory = await pageTarget.memory();
    await pageTarget.detach();
    /** @type {Memory | null} */
    let workerMemory = null;
    if (workerInfos[0]) {
      const workerTarget = await targets.attach(workerInfos[0].targetId);
      workerMemory = await workerTarget.memory();
      await workerTarget.detach();
    }
    const liveEditors = await page.locator('fix401-exercise [data-part="editor"].is-live').count();
    return {
      editors: liveEditors,
      original,
      pythonWorkers,
      workersConstructed: reported.constructed,
      workerTargets: workerInfos.length,
      pageMemory,
      workerMemory,
      wasmBytes: reported.wasmBytes,
    };
  } finally {
    await targets.close().catch(() => undefined);
    await context.close();
  }
}
