// What a learner does on /doctor/, over the engine-neutral driver (drivers.mjs): paste into the two
// fields, press Diagnose or "Run it against your response", read the ranked causes and the run's report.
import assert from 'node:assert/strict';
import { RUN_TIMEOUT_MS } from './page-actions.mjs';

/** Page-side: the doctor's state. */
function doctorState() {
  const region = document.querySelector('[data-doctor-result]');
  return {
    diagnosed: Number(region?.dataset.diagnosed ?? '0'),
    causes: [...(region?.querySelectorAll('.doctor-cause') ?? [])].map((c) => c.dataset.cause),
    status: document.querySelector('[data-doctor-status]')?.textContent ?? '',
    runStatus: document.querySelector('[data-doctor-run-status]')?.textContent ?? '',
    sent: document.querySelector('[data-doctor-sent]')?.textContent ?? '',
    envInputs: [...document.querySelectorAll('[data-doctor-env] input[data-kind]')].map(
      (i) => `${i.dataset.kind}:${i.dataset.name}:${i.type}`,
    ),
  };
}

/** Page-side: pastes into a field as a paste does (the value, then an input event). */
function paste(label, text) {
  const field = [...document.querySelectorAll('.doctor-form textarea')].find((t) => t.labels?.[0]?.textContent?.trim() === label);
  if (!field) throw new Error(`no field labelled ${label}`);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function doctorActions(engine, currentBrowser) {
  const state = () => currentBrowser().evaluate(doctorState);
  async function waitFor(what, predicate, timeout = RUN_TIMEOUT_MS) {
    const until = Date.now() + timeout;
    let last = null;
    for (;;) {
      last = await state().catch(() => null);
      if (last && predicate(last)) return last;
      if (Date.now() > until)
        assert.fail(`${engine}: timed out after ${timeout} ms waiting for ${what}; last state ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  /** Presses a button and waits for the diagnosis it leads to (Diagnose, or a run that re-ranks). */
  async function press(name) {
    const { diagnosed } = await state();
    await currentBrowser().click('.doctor-form button, [data-doctor-run] button', name);
    return waitFor(`the diagnosis after “${name}”`, (s) => s.diagnosed === diagnosed + 1);
  }
  async function diagnose(code, response) {
    await currentBrowser().evaluate(paste, 'Your code', code);
    await currentBrowser().evaluate(paste, 'The response you got', response);
    return press('Diagnose');
  }
  return { state, diagnose, press };
}
