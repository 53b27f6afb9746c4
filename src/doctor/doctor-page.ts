/**
 * The /doctor/ page's script: reads the two text areas on "Diagnose", asks the Python worker to
 * read the code with `ast` (never run), ranks and renders. Nothing is stored or sent.
 */
import { diagnose } from './index';
import { renderDiagnosis, type Names } from './render';
import type { CodeAnalysis } from './types';

/** Booting Python takes a few seconds on a slow phone; past this the diagnosis goes on without the code. */
const ANALYZE_TIMEOUT_MS = 60_000;

async function analyzeInWorker(code: string): Promise<CodeAnalysis> {
  const { getRuntime } = await import('../runtime/client');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('Python did not answer in time')), ANALYZE_TIMEOUT_MS),
  );
  return JSON.parse(await Promise.race([getRuntime().analyze(code), timeout])) as CodeAnalysis;
}

export function startDoctor(): void {
  const form = document.querySelector<HTMLFormElement>('[data-doctor]');
  const region = document.querySelector<HTMLElement>('[data-doctor-result]');
  const status = document.querySelector<HTMLElement>('[data-doctor-status]');
  const names = JSON.parse(document.querySelector('[data-doctor-names]')?.textContent ?? '{}') as Names;
  if (!form || !region || !status) return;
  const code = form.elements.namedItem('code') as HTMLTextAreaElement;
  const response = form.elements.namedItem('response') as HTMLTextAreaElement;
  // Start Python while the learner pastes, so the first Diagnose does not wait for the boot.
  code.addEventListener(
    'focus',
    () => void import('../runtime/client').then(({ getRuntime }) => getRuntime().boot()).catch(() => undefined),
    { once: true },
  );
  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    void (async () => {
      let analysis: CodeAnalysis | null = null;
      let codeNote: string | undefined;
      if (code.value.trim()) {
        status.textContent = 'Reading your code with Python…';
        try {
          analysis = await analyzeInWorker(code.value);
          if (!analysis.ok)
            codeNote = `Your code could not be read (${analysis.error ?? 'a syntax error'}); the diagnosis uses the response only.`;
        } catch (error) {
          codeNote = `Python could not read the code (${error instanceof Error ? error.message : String(error)}); the diagnosis uses the response only.`;
        }
      }
      const result = diagnose(response.value, analysis);
      renderDiagnosis(region, result.parsed, result, names, codeNote);
      status.textContent = result.causes.length
        ? `Diagnosis ready: ${result.causes.length} possible cause${result.causes.length === 1 ? '' : 's'}.`
        : 'Diagnosis ready.';
      region.dataset.diagnosed = String(Number(region.dataset.diagnosed ?? '0') + 1);
      busy = false;
    })();
  });
}
