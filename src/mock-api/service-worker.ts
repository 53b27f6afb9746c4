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

/** Control needs a reload, which only a caller acting for the learner may do (see below). */
export class ReloadNeededError extends Error {}

/**
 * Resolves once the service worker controls this page. The Python worker inherits its controller
 * when it is created, so it must be created after this: after a navigation MSW's worker
 * unregisters and re-installs, and a Python worker started earlier would bypass the mock.
 *
 * `mayReload: false` (the idle pre-boot) rejects with ReloadNeededError where control needs a
 * reload: a reload started on idle can land while the learner is already leaving for another page
 * and take them back (a link followed within a second of a page's load did so in the browser tests).
 * The learner's own reach for an exercise then reloads.
 */
export async function registerMockServiceWorker({ mayReload = true }: { mayReload?: boolean } = {}): Promise<void> {
  const attempt = (controlled ??= takeControl(mayReload));
  try {
    await attempt;
  } catch (error) {
    // A reload refused on idle leaves nothing memoized: the learner's attempt starts afresh.
    if (mayReload && error instanceof ReloadNeededError) return registerMockServiceWorker();
    throw error;
  }
}

async function takeControl(mayReload: boolean): Promise<void> {
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
    if (!mayReload) {
      controlled = null;
      throw new ReloadNeededError('the page needs a reload before the practice API can control it');
    }
    // A hard reload bypasses an already active worker, which will not claim the page again.
    // MSW reloads in this case too; the learner's code is in storage, nothing has run yet.
    location.reload();
  }
  await nowControlled;
}
