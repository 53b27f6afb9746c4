/**
 * MSW glue: intercepts every cross-origin request the page and the Python worker make, and hands
 * it to the active scenario's mock server. Hosts the mock does not serve get a network error, so
 * nothing ever reaches the real network; same-origin requests (the site's own assets) pass.
 */
import { http, HttpResponse, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import type { MockServer } from './server';

let activeServer: MockServer | null = null;
let started: Promise<void> | null = null;

/** Routes intercepted requests to this server (one exercise runs at a time). */
export function setActiveServer(server: MockServer): void {
  activeServer = server;
}

/**
 * Registers and activates MSW's service worker; resolves only when interception is on, so a run
 * never starts before it (requests made earlier would not be mocked).
 */
export function startMockApi(): Promise<void> {
  started ??= (async () => {
    if (!('serviceWorker' in navigator))
      throw new Error(
        'This browser gives the page no service worker (e.g. a private window in Firefox), so the practice API cannot run here.',
      );
    const worker = setupWorker(
      http.all('*', async ({ request }) => {
        if (new URL(request.url).origin === location.origin) return passthrough();
        const response = activeServer ? await activeServer.handle(request) : null;
        return response ?? HttpResponse.error();
      }),
    );
    await worker.start({
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
      onUnhandledFrame: 'bypass',
      quiet: true,
    });
  })();
  return started;
}
