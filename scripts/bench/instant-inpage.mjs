// Functions that run inside the page for the "instant" rows (./instant.mjs), in Chromium and
// Firefox alike: self-contained, at most one argument (see ./inpage.mjs).

/**
 * Arms a timer from the next click on the first exercise's Stop (capture phase, before the
 * element's own listener) until Run is enabled again *and* the exercise's status line says Python is
 * ready: a Run pressed then starts at once. Run alone is re-enabled right after Stop even when a new
 * Python still has to boot, so "enabled" by itself would not mean usable.
 * @returns {number} the exercise's run count now
 */
export function armStopToUsable() {
  const exercise = /** @type {HTMLElement} */ (document.querySelector('fix401-exercise'));
  const stop = /** @type {HTMLButtonElement} */ (exercise.querySelector('[data-part="stop"]'));
  const run = /** @type {HTMLButtonElement} */ (exercise.querySelector('[data-part="run"]'));
  const status = /** @type {HTMLElement} */ (exercise.querySelector('[data-part="runtime"]'));
  const w = /** @type {Window & { __benchStopToUsable?: Promise<number> }} */ (window);
  w.__benchStopToUsable = new Promise((resolve) => {
    stop.addEventListener(
      'click',
      () => {
        const clicked = performance.now();
        const usable = () => !run.disabled && /\bready\b/.test(status.textContent ?? '');
        const observer = new MutationObserver(() => {
          if (!usable()) return;
          observer.disconnect();
          resolve(performance.now() - clicked);
        });
        observer.observe(exercise, { attributes: true, childList: true, subtree: true, characterData: true });
      },
      { capture: true, once: true },
    );
  });
  return Number(exercise.dataset.runs ?? '0');
}

/** @returns {Promise<number>} what armStopToUsable() measured */
export function stopToUsableMs() {
  return /** @type {Window & { __benchStopToUsable?: Promise<number> }} */ (window).__benchStopToUsable ?? Promise.resolve(Number.NaN);
}

/**
 * Puts code into the first exercise with its own `loadCode` (no editor needed); returns the code it had.
 * @param {string} code
 * @returns {string}
 */
export function swapExerciseCode(code) {
  const exercise = /** @type {HTMLElement & { loadCode(code: string): void, currentCode(): string }} */ (
    document.querySelector('fix401-exercise')
  );
  const before = exercise.currentCode();
  exercise.loadCode(code);
  return before;
}

/** @returns {{ runs: number, state: string, status: string }} the first exercise's run count, state and status line */
export function exerciseState() {
  const exercise = /** @type {HTMLElement} */ (document.querySelector('fix401-exercise'));
  return {
    runs: Number(exercise.dataset.runs ?? '0'),
    state: exercise.dataset.state ?? '',
    status: exercise.querySelector('[data-part="runtime"]')?.textContent ?? '',
  };
}

/**
 * The Python workers the page made, how many reported "booted", and each one's wasm memory as it
 * last reported it (needs `countWorkerBoots` from ./inpage.mjs as an init script).
 * @returns {{ created: number, booted: number, wasmBytes: number[] }}
 */
export function workerBoots() {
  const w = /** @type {Window & { __benchWorkers?: { created: number, booted: number, wasmBytes: number[] } }} */ (window);
  return w.__benchWorkers ?? { created: 0, booted: 0, wasmBytes: [] };
}

/** @returns {boolean} whether the first exercise is on screen, scrolled there if not */
export function showFirstExercise() {
  const exercise = document.querySelector('fix401-exercise');
  exercise?.scrollIntoView({ block: 'center' });
  return Boolean(exercise);
}
