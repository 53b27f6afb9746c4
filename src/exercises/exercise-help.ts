/** An exercise's help: its hints, shown one at a time, and its reference solution, shown after a confirmation. */
import type { ScenarioOptions } from './url-options';

export function wireHelp(host: HTMLElement): void {
  const hintButton = host.querySelector<HTMLButtonElement>('[data-part="hint"]');
  let hintsShown = 0;
  hintButton?.addEventListener('click', () => {
    const items = [...host.querySelectorAll<HTMLElement>('[data-part="hints"] li')];
    const next = items[hintsShown];
    if (!next) return;
    next.hidden = false;
    hintsShown++;
    next.focus();
    if (hintsShown >= items.length) hintButton.disabled = true;
  });
  host.querySelector('[data-part="solution"]')?.addEventListener('click', () => {
    if (!confirm('Show the reference solution? Trying one more hint first is often worth it.')) return;
    host.querySelector<HTMLElement>('[data-part="solution-code"]')!.hidden = false;
  });
}

/** Hides the help a link's options leave out (`hints=0`, `solution=0`). */
export function applyHelpOptions(host: HTMLElement, options: Pick<ScenarioOptions, 'hints' | 'solution'>): void {
  const hintButton = host.querySelector<HTMLButtonElement>('[data-part="hint"]');
  if (hintButton && !options.hints) hintButton.hidden = true;
  const solutionButton = host.querySelector<HTMLButtonElement>('[data-part="solution"]');
  if (solutionButton && !options.solution) solutionButton.hidden = true;
}
