/**
 * The page's side of the offline course: what the site's service worker says about this build's
 * offline copy, the request to make one, and the reload prompt once a new deploy's worker waits.
 * The worker is src/offline/service-worker.js; the decision is docs/decisions/0006-offline-course-in-the-mock-service-worker.md.
 */

export type OfflineState =
  /** No service worker in this browser (a Firefox private window): nothing to offer. */
  | { state: 'unsupported' }
  /** Not saved yet (or not this build): the learner may ask for it. */
  | { state: 'none' }
  | { state: 'saving'; done: number; total: number }
  | { state: 'ready' }
  | { state: 'failed'; detail: string };

export interface OfflineView {
  offline: OfflineState;
  /** A new deploy's worker is installed and waits for this page to accept a reload. */
  updateReady: boolean;
}

interface WorkerMessage {
  type?: unknown;
  state?: unknown;
  done?: unknown;
  total?: unknown;
  detail?: unknown;
}

const BASE = import.meta.env.BASE_URL;
let view: OfflineView = { offline: { state: 'none' }, updateReady: false };
const listeners = new Set<(view: OfflineView) => void>();
let watching = false;

function publish(next: Partial<OfflineView>) {
  view = { ...view, ...next };
  for (const listener of listeners) listener(view);
}

function toState(message: WorkerMessage): OfflineState | null {
  switch (message.state) {
    case 'ready':
    case 'none':
      return { state: message.state };
    case 'saving':
      return { state: 'saving', done: Number(message.done) || 0, total: Number(message.total) || 1 };
    case 'failed':
      return { state: 'failed', detail: typeof message.detail === 'string' ? message.detail : '' };
    default:
      return null;
  }
}

/** Calls `listener` with the current view now and on every change. */
export function watchOffline(listener: (view: OfflineView) => void): void {
  listeners.add(listener);
  if (!('serviceWorker' in navigator)) {
    publish({ offline: { state: 'unsupported' } });
    return;
  }
  listener(view);
  if (watching) return;
  watching = true;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    // Only the worker serving this page speaks for it (a new deploy's installing worker broadcasts too).
    if (event.source !== container.controller || event.data?.type !== 'fix401:offline') return;
    const state = toState(event.data);
    if (state) publish({ offline: state });
  });
  let controlled = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    // A first install claiming this page is not an update; a replaced worker is (another tab accepted one).
    if (controlled) publish({ updateReady: true });
    controlled = true;
    askStatus();
    void watchForUpdates();
  });
  askStatus();
  void watchForUpdates();
}

function askStatus() {
  navigator.serviceWorker.controller?.postMessage({ type: 'fix401:offline-status' });
}

/** Registrations whose updates are watched already (a first visit has none until pre-boot registers one). */
const watched = new WeakSet<ServiceWorkerRegistration>();

async function watchForUpdates() {
  const registration = await navigator.serviceWorker.getRegistration(BASE);
  if (!registration || watched.has(registration)) return;
  watched.add(registration);
  const check = () => {
    if (registration.waiting && registration.active) publish({ updateReady: true });
  };
  check();
  registration.addEventListener('updatefound', () => {
    registration.installing?.addEventListener('statechange', check);
  });
}

/**
 * Asks the worker serving this page to save the whole course (it skips what it has). The caller
 * decides whether this connection may spend the data; without a controlling worker nothing happens.
 */
export function requestOfflineCopy(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'fix401:offline-save' });
}

/** The learner's "Make available offline": registers the worker first if this page has none. */
export async function saveForOffline(register: () => Promise<void>): Promise<void> {
  publish({ offline: { state: 'saving', done: 0, total: 1 } });
  try {
    await register();
    requestOfflineCopy();
  } catch (error) {
    publish({ offline: { state: 'failed', detail: error instanceof Error ? error.message : String(error) } });
  }
}

/** The learner accepted the new version: let the waiting worker take over, then reload once it has. */
export async function applyUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration(BASE);
  const waiting = registration?.waiting;
  if (!waiting) {
    location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'fix401:update' });
  // Chromium activates the new worker only once the old one has no event in flight, which a request
  // of this page can hold up; a reload ends those, and the new worker then answers the next page.
  setTimeout(() => location.reload(), UPDATE_RELOAD_AFTER_MS);
}

const UPDATE_RELOAD_AFTER_MS = 5000;
