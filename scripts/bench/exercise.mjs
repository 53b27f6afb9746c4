// Drives one <fix401-exercise> the way a learner does (same pattern as tests/e2e/helpers.ts), and
// times Run → first output inside the page, so Playwright's own round trips are not counted.

/** @typedef {import('@playwright/test').Locator} Locator */
/** @typedef {import('@playwright/test').Page} Page */

/** @param {Page} page */
export const firstExercise = (page) => page.locator('fix401-exercise').first();

/**
 * Waits until the shared runtime reports "Python … ready" in this exercise.
 * @param {Locator} exercise
 * @param {number} [timeout]
 */
export async function waitReady(exercise, timeout = 60_000) {
  await exercise.locator('[data-part="runtime"]').filter({ hasText: 'ready' }).waitFor({ state: 'attached', timeout });
}

/**
 * Replaces the code: focus the editor (Monaco loads on focus), select all, paste.
 * @param {Locator} exercise
 * @param {string} code
 */
export async function pasteCode(exercise, code) {
  const page = exercise.page();
  const host = exercise.locator('[data-part="editor"]');
  await host.click();
  await exercise.locator('[data-part="editor"].is-live').waitFor({ state: 'attached', timeout: 30_000 });
  await host.locator(':focus').first().waitFor({ state: 'attached' });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const want = code.replace(/\n$/, '');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const have = await exercise.evaluate((el) =>
      /** @type {HTMLElementTagNameMap['fix401-exercise']} */ (el).currentCode().replace(/\n$/, ''),
    );
    if (have === want) return;
    if (Date.now() > deadline) throw new Error('the pasted code did not reach the editor');
    await page.waitForTimeout(50);
  }
}

/**
 * Presses Run and waits for the run to end (data-runs increments); returns the Output text.
 * @param {Locator} exercise
 * @param {number} [timeout]
 */
export async function runAndWait(exercise, timeout = 120_000) {
  const before = Number((await exercise.getAttribute('data-runs')) ?? '0');
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await exercise
    .page()
    .waitForFunction(
      ([el, n]) => Number(/** @type {HTMLElement} */ (el).dataset.runs ?? '0') > /** @type {number} */ (n),
      /** @type {const} */ ([await exercise.elementHandle(), before]),
      { timeout },
    );
  return (await exercise.getByRole('region', { name: 'Output' }).textContent()) ?? '';
}

/**
 * Clicks Run and returns the milliseconds from the click (seen by the page) until the Output
 * region first holds text; then waits for the run to end.
 * @param {Locator} exercise
 * @returns {Promise<number>}
 */
export async function timeRunToFirstOutput(exercise) {
  const output = exercise.getByRole('region', { name: 'Output' });
  const run = exercise.getByRole('button', { name: 'Run', exact: true });
  await run.scrollIntoViewIfNeeded();
  const outputHandle = await output.elementHandle();
  const runHandle = await run.elementHandle();
  // Arm a click listener (capture phase, before the element's own) and an observer of the output.
  await exercise.page().evaluate(([out, button]) => {
    const w = /** @type {Window & { __benchFirstOutput?: Promise<number> }} */ (window);
    w.__benchFirstOutput = new Promise((resolve) => {
      button?.addEventListener(
        'click',
        () => {
          const clicked = performance.now();
          const check = () => {
            if ((out?.textContent ?? '').trim()) {
              observer.disconnect();
              resolve(performance.now() - clicked);
            }
          };
          const observer = new MutationObserver(check);
          observer.observe(/** @type {Node} */ (out), { childList: true, subtree: true, characterData: true });
        },
        { capture: true, once: true },
      );
    });
  }, /** @type {const} */ ([outputHandle, runHandle]));
  const before = Number((await exercise.getAttribute('data-runs')) ?? '0');
  await run.click();
  const elapsed = await exercise
    .page()
    .evaluate(
      () => /** @type {Window & { __benchFirstOutput?: Promise<number> }} */ (window).__benchFirstOutput ?? Promise.resolve(Number.NaN),
    );
  await exercise
    .page()
    .waitForFunction(
      ([el, n]) => Number(/** @type {HTMLElement} */ (el).dataset.runs ?? '0') > /** @type {number} */ (n),
      /** @type {const} */ ([await exercise.elementHandle(), before]),
      { timeout: 120_000 },
    );
  return elapsed;
}
