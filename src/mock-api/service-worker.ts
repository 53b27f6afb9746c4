/**
 * Registers the site's service worker (`sw.js`: the offline course in front of MSW's unmodified
 * mockServiceWorker.js, see src/offline/service-worker.js) without loading MSW itself, so a lesson
 * can pre-boot Python on idle for a few KB of script; MSW's page side (about 140 KB) loads only when
 * the learner interacts with an exercise (see ./browser.ts).
 *
 * Until MSW's page side activates this tab, MSW's part of the worker lets every request through;
 * the site's own files are answered by the offline part (network first for pages, cache first for
 * content-hashed files).
 */
let controlled: Promise<void> | null = null;

/** The browser has no service workers at all: already a message for the learner. */
export class NoServiceWorkerError extends Error {}

/** `astro dev` has no sw.js (the build writes it): there, MSW's worker alone, as before. */
export function mockServiceWorkerUrl(): string {
  return `${import.meta.env.BASE_URL}${import.meta.env.DEV ? 'mockServiceWorker.js' : 'sw.js'}`;
}

/** Ours, not a worker registered by an older deploy under another script name (MSW's own). */
function isOurs(worker: ServiceWorker | null | undefined): boolean {
  return worker?.scriptURL === new URL(mockServiceWorkerUrl(), location.href).href;
}

/** Control needs a reload, which only a caller acting for the learner may do (see below). */
export class ReloadNeededError extends Error {}

/**
 * Resolves once the service worker controls this page. The Python worker inherits its controller
 * when it is created, so it must be created after this: a Python worker started earlier would
 * bypass the mock (and the offline cache). Once registered, the worker stays (it no longer
 * unregisters when its last page closes), so every later page is controlled from its first request.
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
  const controller = navigator.serviceWorker.controller;
  const live = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
  if (controller && live?.active === controller && isOurs(controller)) return;
  const nowControlled = new Promise<void>((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
  // updateViaCache 'none': update checks fetch sw.js and the MSW worker it imports past the HTTP cache.
  const registration = await navigator.serviceWorker.register(mockServiceWorkerUrl(), { updateViaCache: 'none' });
  if (controller && registration.active === controller && isOurs(controller)) return;
  if (!controller && registration.active?.state === 'activated') {
    if (!mayReload) {
      controlled = null;
      throw new ReloadNeededError('the page needs a reload before the practice API can control it');
    }
    // A hard reload bypasses an already active worker, which will not claim the page again.
    // MSW reloads in this case too; the learner's code is in storage, nothing has run yet.
    location.reload();
  }
  // A first install claims this page; a worker of an older deploy's MSW is replaced at once.
  await nowControlled;
}
