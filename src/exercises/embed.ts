/**
 * The embed page: applies link options and reports each verdict to the parent window as
 * `{ type: 'fix401:verdict', scenario, passed }` (documented on the catalog page for LMS use).
 * The message carries no code and no personal data, so it is posted to any parent origin.
 */
import type { ExerciseConfig } from './config';
import { parseScenarioOptions } from './url-options';

type ConfigurableExercise = HTMLElement & {
  configure(config: ExerciseConfig, options: ReturnType<typeof parseScenarioOptions>['options']): void;
};

export async function startEmbed(): Promise<void> {
  await customElements.whenDefined('fix401-exercise');
  const exercise = document.querySelector('[data-embed] fix401-exercise') as ConfigurableExercise;
  const { options, problems } = parseScenarioOptions(new URL(location.href).searchParams);
  exercise.configure(JSON.parse(exercise.querySelector('script[data-config]')!.textContent!) as ExerciseConfig, options);
  exercise.addEventListener('fix401:verdict', (event) => {
    const { scenario, passed } = (event as CustomEvent<{ scenario: string; passed: boolean }>).detail;
    if (window.parent !== window) window.parent.postMessage({ type: 'fix401:verdict', scenario, passed }, '*');
  });
  if (problems.length) {
    const box = document.querySelector<HTMLElement>('[data-embed-problems]')!;
    box.replaceChildren(...problems.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    box.hidden = false;
  }
}
