/**
 * MSW glue for the requests the *browser* makes (learner code calling js.fetch or pyfetch; Python's
 * own HTTP never comes here, it goes to the mock inside the worker). Every cross-origin request is
 * handed to the run's mock API through `answer`; hosts the mock does not serve get a network error,
 * so nothing ever reaches the real network. Same-origin requests (the site's own assets) pass.
 */
import type { FetchAnswer, FetchRequest } from './server';
import { mockServiceWorkerUrl, NoServiceWorkerError, registerMockServiceWorker } from './service-worker';

type BrowserRequestHandler = (request: FetchRequest) => Promise<FetchAnswer | null>;

let answer: BrowserRequestHandler = () => Promise.resolve(null);
let started: Promise<void> | null = null;

/** Who answers browser-made requests for the mocked hosts (the Python worker's mock API). */
export function setBrowserRequestHandler(handler: BrowserRequestHandler): void {
  answer = handler;
}

/** A Fetch `Response` for the mock's answer; statuses a `Response` cannot carry become network errors. */
function toResponse(reply: FetchAnswer): Response {
  if (reply.status < 200 || reply.status > 599) return Response.error();
  return new Response(reply.body, { status: reply.status, statusText: reply.statusText, headers: reply.headers });
}

/**
 * Resolves once the mock's service worker controls the page, without loading MSW: a Python worker
 * must be created after this (it inherits the controller), or its browser-made requests bypass the mock.
 * Rejects with words a learner can act on.
 */
export async function controlPage(): Promise<void> {
  try {
    await registerMockServiceWorker();
  } catch (error) {
    throw explainStartFailure(error);
  }
}

/**
 * Loads MSW's page side and activates interception for this tab; resolves when it is on. Until
 * then the service worker lets requests through, so the Python worker holds its browser-made
 * requests until told (runtime/browser-request-gate.ts).
 */
export function startMockApi(): Promise<void> {
  started ??= (async () => {
    // First, so MSW finds its worker already in control (it reloads a page that is not).
    await controlPage();
    shimBlockedStorage();
    // Imported only now: MSW reads localStorage when its module loads.
    const [{ http, HttpResponse, passthrough }, { setupWorker }] = await Promise.all([import('msw'), import('msw/browser')]);
    const worker = setupWorker(
      http.all('*', async ({ request }) => {
        if (new URL(request.url).origin === location.origin) return passthrough();
        const reply = await answer({
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body: new Uint8Array(await request.arrayBuffer()),
        });
        return reply ? toResponse(reply) : HttpResponse.error();
      }),
    );
    try {
      await worker.start({
        serviceWorker: { url: mockServiceWorkerUrl(), options: { updateViaCache: 'none' } },
        onUnhandledFrame: 'bypass',
        quiet: true,
      });
    } catch (error) {
      // Not retried: MSW patches globals once per page, and a refusal will not change until reload.
      throw explainStartFailure(error);
    }
  })();
  return started;
}

/**
 * MSW keeps a cookie store in localStorage and throws at start when the browser blocks storage
 * (a third-party iframe, some privacy modes). The mock's cookies need not survive a reload, so an
 * in-memory stand-in is enough; our own storage module has already told the learner.
 */
function shimBlockedStorage() {
  try {
    // Reading the property is the probe: it throws when storage is blocked.
    if (typeof window.localStorage === 'object') return;
  } catch {
    const items = new Map<string, string>();
    const memory: Storage = {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (key) => items.get(key) ?? null,
      key: (index) => [...items.keys()][index] ?? null,
      removeItem: (key) => void items.delete(key),
      setItem: (key, value) => void items.set(key, value),
    };
    Object.defineProperty(window, 'localStorage', { value: memory, configurable: true });
  }
}

/** A service worker the browser refuses, in words a learner can act on. */
function explainStartFailure(error: unknown): Error {
  if (error instanceof NoServiceWorkerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const embedded = window.top !== window;
  if (/denied|SecurityError|not allowed/i.test(message))
    return new Error(
      embedded
        ? 'Your browser blocks storage for pages embedded in other sites (third-party cookies or a private window), so the practice API cannot start inside this frame. Open the exercise in its own tab instead.'
        : 'Your browser refuses this page a service worker (a private window or a strict privacy setting), so the practice API cannot start. Try a normal window.',
    );
  return new Error(`The practice API could not start: ${message}`);
}
