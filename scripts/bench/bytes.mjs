// What a reader downloads before touching an editor: every response the browser fetched from the
// network (service-worker pass-throughs counted once), JS sizes as gzip would send them.
import { gzipSync } from 'node:zlib';
import { untilQuiet } from './quiet.mjs';

/** @typedef {import('@playwright/test').BrowserContext} BrowserContext */
/** @typedef {import('@playwright/test').Response} Response */

/**
 * @typedef {object} PageBytes
 * @property {number} pageJsGzip JS for the page itself (Starlight, the exercise element, MSW…)
 * @property {number} runtimeJsGzip JS of the Python worker and Pyodide (fetched by the idle pre-boot)
 * @property {number} totalBytes every response body, uncompressed as served
 * @property {number} requests
 * @property {boolean} preBooted whether the Python runtime started without interaction
 */

/** Pyodide and the Python worker's own bundle. */
const isRuntime = (/** @type {string} */ url) => /\/pyodide\/|python\.worker/.test(url);
const isJs = (/** @type {string} */ url, /** @type {string} */ type) => /\.m?js(\?|$)/.test(url) || /javascript/.test(type);

/**
 * Resolves when no request has been in flight for `quietMs` (or after `maxMs`).
 * @param {BrowserContext} context
 * @param {number} quietMs
 * @param {number} maxMs
 */
export async function networkQuiet(context, quietMs, maxMs) {
  let inflight = 0;
  let last = Date.now();
  const up = () => ((inflight += 1), (last = Date.now()));
  const down = () => ((inflight = Math.max(0, inflight - 1)), (last = Date.now()));
  context.on('request', up);
  context.on('requestfinished', down);
  context.on('requestfailed', down);
  try {
    await untilQuiet(() => ({ inFlight: inflight, lastActivity: last }), quietMs, maxMs);
  } finally {
    context.off('request', up);
    context.off('requestfinished', down);
    context.off('requestfailed', down);
  }
}

/**
 * Opens a page in the (fresh) context and measures it, without clicking anything.
 * @param {BrowserContext} context
 * @param {string} path
 * @returns {Promise<PageBytes>}
 */
export async function measurePageBytes(context, path) {
  /** @type {Promise<void>[]} */
  const pending = [];
  const result = { pageJsGzip: 0, runtimeJsGzip: 0, totalBytes: 0, requests: 0, preBooted: false };
  /** @param {Response} response */
  const onResponse = (response) => {
    // A response the service worker answered was fetched by the worker itself: counted there.
    if (response.fromServiceWorker()) return;
    pending.push(
      response
        .body()
        .then((body) => {
          const url = response.url();
          result.requests += 1;
          result.totalBytes += body.length;
          if (isJs(url, response.headers()['content-type'] ?? '')) {
            const gz = gzipSync(body).length;
            if (isRuntime(url)) result.runtimeJsGzip += gz;
            else result.pageJsGzip += gz;
          }
          if (/pyodide\.asm\.wasm/.test(url)) result.preBooted = true;
        })
        .catch(() => undefined), // redirects and aborted requests have no body
    );
  };
  context.on('response', onResponse);
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await networkQuiet(context, 3000, 60_000);
  context.off('response', onResponse);
  await Promise.all(pending);
  await page.close();
  return result;
}
