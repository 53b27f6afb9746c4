// What a learner does on an exercise, over the engine-neutral driver (drivers.mjs): read its state,
// wait for it, press Run, type code. Shared by the engine suites (suite.mjs, subpath-suite.mjs).
import assert from 'node:assert/strict';

// How long a Run may take to end, Python's boot included: WebKitGTK under Xvfb took 10–60 s to boot
// on a loaded 2-core machine. A wait, not a speed check (the benchmark measures speed).
export const RUN_TIMEOUT_MS = 240_000;

/** Page-side: facts about the exercise at `scope`. */
function exerciseState(scope) {
  const el = document.querySelector(scope);
  if (!el || typeof el.currentCode !== 'function') return null;
  return {
    code: el.currentCode(),
    runs: Number(el.dataset.runs ?? '0'),
    state: el.dataset.state ?? '',
    output: el.querySelector('[data-part="output"]')?.textContent ?? '',
    verdict: el.querySelector('[data-part="verdict"]')?.textContent ?? '',
    runtime: el.querySelector('[data-part="runtime"]')?.textContent ?? '',
    live: el.querySelector('[data-part="editor"]')?.classList.contains('is-live') ?? false,
    editorFocused: el.querySelector('[data-part="editor"]')?.contains(document.activeElement) ?? false,
    shareUrl: el.querySelector('[data-part="share-url"]')?.value ?? '',
    staticCode: el.querySelector('[data-part="editor"] pre')?.textContent ?? '',
  };
}

/**
 * @param {string} engine
 * @param {() => any} currentBrowser  the driver (read at each call: it is launched in a `before`)
 */
export function pageActions(engine, currentBrowser) {
  const state = (scope) => currentBrowser().evaluate(exerciseState, scope);
  async function waitFor(what, predicate, scope, timeout = 30_000) {
    const until = Date.now() + timeout;
    let last = null;
    for (;;) {
      last = await state(scope).catch(() => null);
      if (last && predicate(last)) return last;
      if (Date.now() > until)
        assert.fail(`${engine}: timed out after ${timeout} ms waiting for ${what}; last state ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  /** Presses Run and waits for that run to end; returns the state after it. */
  async function run(scope) {
    const { runs } = await waitFor('the exercise to be ready', () => true, scope);
    await currentBrowser().click(`${scope} button`, 'Run');
    return waitFor(`run ${runs + 1} to end`, (s) => s.runs === runs + 1, scope, RUN_TIMEOUT_MS);
  }
  /** Replaces the code as a learner does: click into the editor, select all, type. */
  async function typeCode(scope, code) {
    const browser = currentBrowser();
    await browser.click(`${scope} [data-part="editor"]`);
    await waitFor('the editor to load and take the focus', (s) => s.live && s.editorFocused, scope);
    await browser.selectAll();
    await browser.typeText(code);
    return waitFor('the typed code', (s) => s.code.trimEnd() === code.trimEnd(), scope, 10_000).catch(async (error) => {
      throw new Error(`${error.message}\n(the editor holds ${JSON.stringify((await state(scope))?.code)})`);
    });
  }
  return { state, waitFor, run, typeCode };
}
