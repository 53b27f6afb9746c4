/**
 * The /doctor/ page's script: on "Diagnose", reads the response in the page and asks the Python
 * worker to read the code with `ast` (never run); on "Run it against your response", runs the code
 * where every host answers with the pasted response and re-ranks with what was really sent.
 * Nothing is stored or sent.
 */
import { runAgainstResponse, withRunEvidence } from './doctor-run';
import { parseResponse } from './parse-response';
import { rank } from './rank';
import { renderDiagnosis, type Names } from './render';
import { renderSent } from './render-sent';
import { readRunInputs, showRunInputs } from './run-inputs';
import { prepareShare, readSharedLink, renderShare } from './share';
import type { CodeAnalysis } from './types';

/** Starting Python is a download and a boot: minutes on a slow link or a busy phone. */
const BOOT_TIMEOUT_MS = 180_000;
/** Reading code with `ast` takes milliseconds once Python runs; past this the diagnosis goes on without the code. */
const ANALYZE_TIMEOUT_MS = 30_000;

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in time`)), ms))]);

async function analyzeInWorker(code: string): Promise<CodeAnalysis> {
  const { getRuntime } = await import('../runtime/client');
  const runtime = getRuntime();
  // Two limits: a slow boot must not count against the reading (a learner on a slow machine would
  // otherwise get a diagnosis that silently ignores their code).
  await within(runtime.boot(), BOOT_TIMEOUT_MS, 'Starting Python');
  return JSON.parse(await within(runtime.analyze(code), ANALYZE_TIMEOUT_MS, 'Reading the code')) as CodeAnalysis;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type, as with querySelector<T>
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);

export function startDoctor(): void {
  const form = $<HTMLFormElement>('[data-doctor]');
  const region = $('[data-doctor-result]');
  const status = $('[data-doctor-status]');
  const envBox = $('[data-doctor-env]');
  const runButton = $<HTMLButtonElement>('[data-doctor-run-button]');
  const runStatus = $('[data-doctor-run-status]');
  const sent = $('[data-doctor-sent]');
  const names = JSON.parse($('[data-doctor-names]')?.textContent ?? '{}') as Names;
  if (!form || !region || !status || !envBox || !runButton || !runStatus || !sent) return;
  const code = form.elements.namedItem('code') as HTMLTextAreaElement;
  const response = form.elements.namedItem('response') as HTMLTextAreaElement;
  // Start Python while the learner pastes, so the first Diagnose does not wait for the boot.
  const warm = () => void import('../runtime/client').then(({ getRuntime }) => getRuntime().boot()).catch(() => undefined);
  code.addEventListener('focus', warm, { once: true });
  let busy = false;
  let analysis: CodeAnalysis | null = null;
  let analyzedCode = '';

  const readCode = async (): Promise<string | undefined> => {
    if (!code.value.trim()) {
      analysis = null;
      return undefined;
    }
    if (analysis && analyzedCode === code.value) return undefined;
    try {
      analysis = await analyzeInWorker(code.value);
      analyzedCode = code.value;
      showRunInputs(envBox, analysis.facts.envVars ?? [], analysis.facts.files ?? []);
      return analysis.ok
        ? undefined
        : `Your code could not be read (${analysis.error ?? 'a syntax error'}); the diagnosis uses the response only.`;
    } catch (error) {
      analysis = null;
      return `Python could not read the code (${error instanceof Error ? error.message : String(error)}); the diagnosis uses the response only.`;
    }
  };

  const finish = (message: string) => {
    status.textContent = message;
    region.dataset.diagnosed = String(Number(region.dataset.diagnosed ?? '0') + 1);
    busy = false;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    void (async () => {
      if (code.value.trim()) status.textContent = 'Reading your code with Python…';
      const codeNote = await readCode();
      const parsed = parseResponse(response.value);
      const result = rank(parsed, analysis);
      renderDiagnosis(region, parsed, result, names, codeNote);
      finish(`Diagnosis ready: ${result.causes.length} possible cause${result.causes.length === 1 ? '' : 's'}.`);
    })();
  });

  const shareButton = $<HTMLButtonElement>('[data-doctor-share-button]');
  const shareBox = $('[data-doctor-share]');
  shareButton?.addEventListener('click', () => {
    if (!shareBox) return;
    if (!code.value.trim() && !response.value.trim()) {
      status.textContent = 'Paste your code or the response first: there is nothing to share yet.';
      return;
    }
    void prepareShare(code.value, response.value, location).then((share) => {
      const copy = () =>
        void navigator.clipboard
          .writeText(share.url)
          .then(() => (status.textContent = 'Share link copied, without the secrets the doctor recognised.'))
          .catch(() => (status.textContent = 'Your browser did not let the page copy: select the share link below and copy it.'));
      if (renderShare(shareBox, share, copy)) copy();
      else status.textContent = 'Not copied yet: check the strings listed under the share link first.';
    });
  });
  // A shared link: fill both fields and diagnose (reading the code with ast never runs it).
  void readSharedLink(location.hash).then((shared) => {
    if (!shared) return;
    if (shared.code !== undefined) code.value = shared.code;
    if (shared.response !== undefined) response.value = shared.response;
    if (shared.problems.length) status.textContent = shared.problems.join(' ');
    if (shared.code !== undefined || shared.response !== undefined) form.requestSubmit();
  });

  runButton.addEventListener('click', () => {
    if (busy) return;
    if (!code.value.trim()) {
      runStatus.textContent = 'Paste your code first.';
      return;
    }
    busy = true;
    runButton.disabled = true;
    runStatus.textContent = 'Running your code against your response…';
    void (async () => {
      const codeNote = await readCode();
      const parsed = parseResponse(response.value);
      try {
        const run = await runAgainstResponse(code.value, parsed, readRunInputs(envBox));
        renderSent(sent, run);
        const withEvidence = withRunEvidence(parsed, run);
        renderDiagnosis(region, withEvidence, rank(withEvidence, analysis), names, codeNote);
        runStatus.textContent = `Run finished: ${run.exchanges.length} request${run.exchanges.length === 1 ? '' : 's'} sent; the diagnosis now uses them.`;
      } catch (error) {
        runStatus.textContent = `The run failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      runButton.disabled = false;
      finish(status.textContent ?? '');
    })();
  });
}
