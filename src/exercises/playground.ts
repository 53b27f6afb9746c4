/**
 * The playground page: shows the scenario named in the URL (free play when none), applies the URL's
 * options and any `#code=` from a share link. Every problem with the link is explained on the page.
 */
import type { ExerciseElement } from './exercise-element';
import './exercise-element';
import { codeFromHash } from './share-link';
import { closestIds, parseScenarioOptions } from './url-options';

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

  let shell: ExerciseElement | null = null;
  if (wanted && !ids.includes(wanted)) {
    problems.unshift(
      `There is no scenario called “${wanted}”. Did you mean ${closestIds(wanted, ids)
        .map((id) => `“${id}”`)
        .join(', ')}? The playground below runs free code meanwhile.`,
    );
  } else if (wanted) {
    try {
      shell = await fetchShell(wanted);
    } catch (error) {
      problems.unshift(`The scenario “${wanted}” could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  shell ??= root.querySelector<HTMLTemplateElement>('template[data-free-play]')!.content.querySelector('fix401-exercise')!;
  // Imported into this document, the element comes to life as it is inserted; the options apply
  // before this task ends, so no click can reach it first.
  const exercise = root.appendChild(document.importNode(shell, true));
  exercise.applyOptions(options);

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

/** The scenario's exercise as ExerciseShell.astro rendered it at build time (/exercise-shell/<id>/). */
async function fetchShell(id: string): Promise<ExerciseElement> {
  const response = await fetch(`${import.meta.env.BASE_URL}exercise-shell/${encodeURIComponent(id)}/`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const shell = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('fix401-exercise');
  if (!shell) throw new Error('no exercise in the answer');
  return shell;
}
