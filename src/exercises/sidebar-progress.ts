/** Marks each lesson in the sidebar: "solved" when all its exercises are, "tried" when any was run. */
import { loadProgress } from './storage';

export function markSidebarProgress(): void {
  const map = JSON.parse(document.querySelector('[data-lesson-exercises]')?.textContent ?? '{}') as Record<string, string[]>;
  const progress = loadProgress();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[href*="/lessons/"]')) {
    const slug = /\/lessons\/([^/]+)\//.exec(link.pathname)?.[1];
    const ids = slug ? map[slug] : undefined;
    if (!ids?.length) continue;
    const states = ids.map((id) => progress[id]);
    const state = states.every((s) => s === 'solved') ? 'solved' : states.some(Boolean) ? 'tried' : null;
    if (!state) continue;
    const mark = document.createElement('span');
    mark.className = `lesson-progress lesson-progress-${state}`;
    mark.textContent = state === 'solved' ? ' ✓ solved' : ' · tried';
    link.append(mark);
  }
}
