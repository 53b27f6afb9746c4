/**
 * The playground page: picks the scenario named in the URL, applies the URL's options and any
 * `#code=` from a share link. Every problem with the link is explained on the page.
 */
import type { ExerciseConfig } from './config';
import { codeFromHash } from './share-link';
import { closestIds, parseScenarioOptions } from './url-options';

type ConfigurableExercise = HTMLElement & {
  configure(config: ExerciseConfig, options: ReturnType<typeof parseScenarioOptions>['options']): void;
  loadCode(code: string): void;
};

export async function startPlayground(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-playground]')!;
  const problemsBox = document.querySelector<HTMLElement>('[data-playground-problems]')!;
  const ids = JSON.parse(root.dataset.ids ?? '[]') as string[];
  const params = new URL(location.href).searchParams;
  const { options, problems } = parseScenarioOptions(params);
  // A renamed scenario keeps its old id working (content/scenario-ids.json).
  const redirects = JSON.parse(root.dataset.redirects ?? '{}') as Record<string, string>;
  const asked = params.get('scenario');
  const wanted = asked && redirects[asked] ? redirects[asked] : asked;
  await customElements.whenDefined('fix401-exercise');
  const exercise = root.querySelector('fix401-exercise') as ConfigurableExercise;

  let config: ExerciseConfig | null = null;
  if (wanted && !ids.includes(wanted)) {
    problems.unshift(
      `There is no scenario called “${wanted}”. Did you mean ${closestIds(wanted, ids)
        .map((id) => `“${id}”`)
        .join(', ')}? The playground below runs free code meanwhile.`,
    );
  } else if (wanted) {
    const response = await fetch(`${import.meta.env.BASE_URL}scenario-data/${encodeURIComponent(wanted)}.json`);
    if (response.ok) config = (await response.json()) as ExerciseConfig;
    else problems.unshift(`The scenario “${wanted}” could not be loaded (HTTP ${response.status}).`);
  }
  if (config) exercise.configure({ ...config, storageKey: `playground:${config.id}` }, options);
  else exercise.configure(JSON.parse(exercise.querySelector('script[data-config]')!.textContent!) as ExerciseConfig, options);

  // Another share link opened in this tab (only the #fragment changed): show its code, do not run it.
  addEventListener('hashchange', () => {
    const next = codeFromHash(location.hash);
    if (next.kind === 'code') exercise.loadCode(next.code);
  });

  const fromLink = codeFromHash(location.hash);
  if (fromLink.kind === 'code') exercise.loadCode(fromLink.code);
  if (fromLink.kind === 'corrupt')
    problems.push(`The code in this link could not be opened: ${fromLink.reason}. You see the scenario's own code instead.`);

  if (problems.length) {
    const list = document.createElement('ul');
    for (const text of problems) list.append(Object.assign(document.createElement('li'), { textContent: text }));
    problemsBox.replaceChildren(list);
    problemsBox.hidden = false;
  }
}
