// Functions that run inside the page (Playwright and puppeteer serialize them): each is self-contained
// and takes at most one argument, so both engines' drivers can call it the same way.

/**
 * Arms a timer from the next click on the first exercise's Run (capture phase, before the element's
 * own listener) to the first text in its Output; the result lands in `window.__benchFirstOutput`.
 * @returns {number} the exercise's run count now (a run has ended when `data-runs` exceeds it)
 */
export function armFirstOutput() {
  const exercise = /** @type {HTMLElement} */ (document.querySelector('fix401-exercise'));
  const out = /** @type {HTMLElement} */ (exercise.querySelector('[data-part="output"]'));
  const button = /** @type {HTMLElement} */ (exercise.querySelector('[data-part="run"]'));
  const w = /** @type {Window & { __benchFirstOutput?: Promise<number> }} */ (window);
  w.__benchFirstOutput = new Promise((resolve) => {
    button.addEventListener(
      'click',
      () => {
        const clicked = performance.now();
        const observer = new MutationObserver(() => {
          if ((out.textContent ?? '').trim()) {
            observer.disconnect();
            resolve(performance.now() - clicked);
          }
        });
        observer.observe(out, { childList: true, subtree: true, characterData: true });
      },
      { capture: true, once: true },
    );
  });
  return Number(exercise.dataset.runs ?? '0');
}

/** @returns {Promise<number>} what armFirstOutput() measured */
export function firstOutputMs() {
  return /** @type {Window & { __benchFirstOutput?: Promise<number> }} */ (window).__benchFirstOutput ?? Promise.resolve(Number.NaN);
}

/**
 * A bare Pyodide boot, the baseline for cold Run: import pyodide.mjs and `loadPyodide()` from the
 * site's own versioned /pyodide/ files (no packages, no `import requests`, no worker, no service worker).
 * @param {{ indexURL: string, stdLibURL: string, lockFileURL: string }} urls absolute (site.mjs runtimeUrls)
 * @returns {Promise<number>} milliseconds from the import to a usable interpreter
 */
export async function bareBoot({ indexURL, stdLibURL, lockFileURL }) {
  const started = performance.now();
  const { loadPyodide } = await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`);
  const py = await loadPyodide({ indexURL, stdLibURL, lockFileURL });
  const elapsed = performance.now() - started;
  if (py.runPython('1 + 1') !== 2) throw new Error('Pyodide booted but cannot run Python');
  return elapsed;
}

/**
 * The old transport's path, for comparison: `fetch()` from the page, intercepted by MSW's service
 * worker, answered by the practice API (today in the Python worker; the page forwards it there).
 * One warm-up request, then `n` timed ones.
 * @param {{ url: string, authorization: string, n: number }} options
 * @returns {Promise<{ times: number[], status: number, error: string | null }>}
 */
export async function fetchRoundTrips({ url, authorization, n }) {
  /** @type {number[]} */
  const times = [];
  let status = 0;
  try {
    for (let i = -1; i < n; i++) {
      const started = performance.now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ i }),
      });
      await response.arrayBuffer();
      if (i >= 0) times.push(performance.now() - started);
      status = response.status;
    }
  } catch (error) {
    return { times, status, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  return { times, status, error: null };
}

/**
 * The smallest step `performance.now()` takes here (browsers coarsen it; Firefox to 1 ms unless told
 * otherwise), so a reader knows how far to trust a sub-millisecond figure.
 * @returns {number}
 */
export function timerStepMs() {
  let smallest = Infinity;
  for (let i = 0; i < 20; i++) {
    const a = performance.now();
    let b = a;
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest;
}

/**
 * Init script (runs before the page's own): counts Python workers created and those that reported
 * "booted", so the bench can wait for the standby runtime (it boots while the page is idle after a
 * first Run) to finish booting before timing anything: on two cores a booting worker halves the speed.
 */
export function countWorkerBoots() {
  const w = /** @type {Window & { __benchWorkers?: { created: number, booted: number, wasmBytes: number[], boots: unknown[] } }} */ (
    window
  );
  if (w.__benchWorkers) return;
  const counts = (w.__benchWorkers = {
    created: 0,
    booted: 0,
    wasmBytes: /** @type {number[]} */ ([]),
    boots: /** @type {unknown[]} */ ([]),
  });
  const Native = window.Worker;
  window.Worker = class extends Native {
    /** @param {string | URL} url @param {WorkerOptions} [options] */
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('python.worker')) return;
      const index = counts.created++;
      this.addEventListener('message', (event) => {
        if (event.data?.type === 'booted') {
          counts.booted++;
          // How it booted: its time, and whether it was restored from the memory snapshot.
          counts.boots.push({ bootMs: event.data.payload?.bootMs, snapshot: event.data.payload?.snapshot });
        }
        // Each worker's wasm memory as it last reported it (at boot, then after every run).
        const bytes = event.data?.payload?.heapBytes;
        if (typeof bytes === 'number') counts.wasmBytes[index] = bytes;
      });
    }
  };
}

/** @returns {boolean} true when every Python worker created so far has booted */
export function workersSettled() {
  const counts = /** @type {Window & { __benchWorkers?: { created: number, booted: number } }} */ (window).__benchWorkers;
  return !counts || counts.booted >= counts.created;
}
