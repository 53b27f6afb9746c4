/**
 * The embed page: applies link options and reports each verdict to the parent window as
 * `{ type: 'fix401:verdict', scenario, passed }` (documented on the catalog page for LMS use).
 * The message carries no code and no personal data, so it is posted to any parent origin.
 */
import './exercise-element';
import type { VerdictDetail } from './exercise-run';
import { parseScenarioOptions } from './url-options';

export function startEmbed(): void {
  const exercise = document.querySelector('[data-embed]')!.querySelector('fix401-exercise')!;
  const { options, problems } = parseScenarioOptions(new URL(location.href).searchParams);
  exercise.applyOptions(options);
  exercise.addEventListener('fix401:verdict', (event) => {
    const { scenario, passed } = (event as CustomEvent<VerdictDetail>).detail;
    if (window.parent !== window) window.parent.postMessage({ type: 'fix401:verdict', scenario, passed }, '*');
  });
  if (problems.length) {
    const box = document.querySelector<HTMLElement>('[data-embed-problems]')!;
    box.replaceChildren(...problems.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    box.hidden = false;
  }
}
