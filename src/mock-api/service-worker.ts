/**
 * Registers the mock API's service worker (MSW's mockServiceWorker.js) without loading MSW itself,
 * so a lesson can pre-boot Python on idle for a few KB of script; MSW's page side (about 140 KB)
 * loads only when the learner interacts with an exercise (see ./browser.ts).
 *
 * Until MSW's page side activates this tab, the service worker lets every request through, and
 * nothing but Pyodide's own same-origin files is fetched before then.
 */
let controlled: Promise<void> | null = null;

/** The browser has no service workers at all: already a message for the learner. */
export class NoServiceWorkerError extends Error {}

export function mockServiceWorkerUrl(): string {
  return `${import.meta.env.BASE_URL}mockServiceWorker.js`;
}

/**
 * Resolves once the service worker controls this page. The Python worker inherits its controller
 * when it is created, so it must be created after this: after a navigation MSW's worker
 * unregisters and re-installs, and a Python worker started earlier would bypass the mock.
 */
export function registerMockServiceWorker(): Promise<void> {
  controlled ??= (async () => {
    if (!('serviceWorker' in navigator))
      throw new NoServiceWorkerError(
        'This browser gives the page no service worker (e.g. a private window in Firefox), so the practice API cannot run here.',
      );
    // The controller may belong to a registration MSW's worker has just removed (it unregisters
    // itself when the last page it served unloads); only a live registration counts.
    const live = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
    if (navigator.serviceWorker.controller && live?.active === navigator.serviceWorker.controller) return;
    const nowControlled = new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
    const registration = await navigator.serviceWorker.register(mockServiceWorkerUrl());
    if (navigator.serviceWorker.controller && registration.active === navigator.serviceWorker.controller) return;
    if (registration.active?.state === 'activated' && !registration.installing && !registration.waiting) {
      // A hard reload bypasses an already active worker, which will not claim the page again.
      // MSW reloads in this case too; the learner's code is in storage, nothing has run yet.
      location.reload();
    }
    await nowControlled;
  })();
  return controlled;
}
