/**
 * Stands in for `@pagefind/default-ui` in Starlight's search (astro.config.mjs points Starlight's
 * import here). Starlight builds Pagefind's search UI when every page goes idle: 26 KB gzip of
 * script before anyone searches, more than the rest of a lesson page's script together. This
 * builds it when the search dialog opens, and fetches it as soon as the pointer or focus reaches
 * the search button, so the dialog is usually filled by the time it shows.
 */
type PagefindOptions = { element: string } & Record<string, unknown>;

// @ts-expect-error: @pagefind/default-ui ships no types (Starlight's own import says the same).
const loadUi = () => import('@pagefind/default-ui') as Promise<{ PagefindUI: new (options: PagefindOptions) => unknown }>;

// Starlight calls `new PagefindUI(options)`: the same shape as the real one, though all it has is a constructor.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
export class PagefindUI {
  constructor(options: PagefindOptions) {
    const host = document.querySelector<HTMLElement>(options.element);
    const dialog = host?.closest('dialog');
    const button = dialog?.parentElement?.querySelector('button[data-open-modal]');
    if (!host || !dialog) return;
    const prefetch = () => void loadUi().catch(() => undefined);
    button?.addEventListener('pointerenter', prefetch, { once: true });
    button?.addEventListener('focus', prefetch, { once: true });
    // Pointing at the button prefetches only from now on (Starlight builds this when the page goes idle).
    dialog.dataset.searchPrefetch = 'armed';
    let built = false;
    const build = async () => {
      if (built || !dialog.open) return;
      built = true;
      let Real;
      try {
        ({ PagefindUI: Real } = await loadUi());
      } catch {
        built = false; // offline or a new deploy: the next opening tries again
        return;
      }
      opened.disconnect();
      new Real(options);
      // Starlight focused the search field when the dialog opened, before the field existed.
      if (dialog.open) host.querySelector('input')?.focus();
    };
    const opened = new MutationObserver(() => void build());
    opened.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    void build();
  }
}
