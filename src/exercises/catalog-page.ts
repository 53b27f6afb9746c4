/** The catalog page: filters by cause and lesson, and builds each scenario's link from its options form. */
import { parseClockOffset } from '../mock-api/clock';

/** A text field's value ('' when absent; a file input would give a File, which this form has none of). */
const formText = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};

function buildLink(form: HTMLFormElement, id: string): { url: string; problem: string | null } {
  const data = new FormData(form);
  const page = data.get('page') === 'embed' ? `embed/${id}/` : 'playground/';
  const url = new URL(page, new URL(import.meta.env.BASE_URL, location.href));
  if (page === 'playground/') url.searchParams.set('scenario', id);
  const clock = formText(data, 'clock').trim();
  let problem: string | null = null;
  if (clock && parseClockOffset(clock) === null) problem = `“${clock}” is not a time offset: write +2h, +30m or +1h30m.`;
  else if (clock) url.searchParams.set('clock', clock.startsWith('-') || clock.startsWith('+') ? clock : `+${clock}`);
  for (const flag of ['hints', 'solution', 'inspector']) if (!data.has(flag)) url.searchParams.set(flag, '0');
  const code = formText(data, 'code');
  if (code) url.searchParams.set('code', code);
  return { url: url.toString(), problem };
}

export function startCatalog(): void {
  const filters = document.querySelector<HTMLFormElement>('[data-catalog-filters]')!;
  const items = [...document.querySelectorAll<HTMLElement>('[data-catalog] > li')];
  const count = document.querySelector('[data-catalog-count]')!;
  filters.addEventListener('change', () => {
    const cause = (filters.elements.namedItem('cause') as HTMLSelectElement).value;
    const lesson = (filters.elements.namedItem('lesson') as HTMLSelectElement).value;
    let shown = 0;
    for (const item of items) {
      item.hidden = Boolean((cause && item.dataset.cause !== cause) || (lesson && item.dataset.lesson !== lesson));
      if (!item.hidden) shown++;
    }
    count.textContent = `${shown} of ${items.length} scenarios`;
  });
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-link-builder]')) {
    const id = form.dataset.linkBuilder!;
    const output = form.querySelector('output')!;
    const status = form.querySelector('.copy-status')!;
    const update = () => {
      const { url, problem } = buildLink(form, id);
      output.textContent = problem ?? url;
      return problem ? null : url;
    };
    form.addEventListener('input', update);
    update();
    form.querySelector('[data-copy-link]')!.addEventListener('click', async () => {
      const url = update();
      if (!url) return;
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Select the link above and copy it.';
      }
    });
  }
}
