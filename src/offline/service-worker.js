/**
 * The site's one service worker (`<base>sw.js`): the offline course, then MSW's unmodified worker.
 *
 * The build (scripts/lib/offline-manifest.mjs) writes `self.FIX401_OFFLINE = { build, pages,
 * assets }` in front of this file. A scope holds one worker, so ours registers its listeners first
 * and imports MSW's after them: same-origin GETs (the site's own files) are answered here and never
 * reach MSW; everything else (the practice hosts, other hosts, non-GETs) goes to MSW as before.
 * Decision: docs/decisions/0006-offline-course-in-the-mock-service-worker.md.
 */
/* global self, caches, clients, importScripts */
const { build: BUILD, pages: PAGES, assets: ASSETS } = self.FIX401_OFFLINE;
const BASE = new URL('./', self.location.href).pathname;
const CACHE_PREFIX = 'fix401-offline-';
const CACHE = CACHE_PREFIX + BUILD;
const META = 'fix401-meta';
/** Keys, not files of the site: where this build's copy is complete, and whether the learner wants one. */
const COMPLETE_KEY = `${BASE}__fix401/complete`;
const WANTED_KEY = `${BASE}__fix401/wanted`;
const ACTIVE_KEY = `${BASE}__fix401/active-build`;
/** Python's runtime (the wasm, the stdlib, the wheels): most of the course's bytes. */
const RUNTIME = `${BASE}pyodide/`;
/** Content-hashed, so never changed in place: answered from any cache, the network only on a miss. */
const IMMUTABLE = [`${BASE}_astro/`, RUNTIME];
/** A slow network still wins over the cache for pages, but a learner on a dead link waits this long at most. */
const NETWORK_TIMEOUT_MS = 4000;
const PARALLEL = 4;

const realSkipWaiting = self.skipWaiting.bind(self);

/**
 * MSW's install handler calls skipWaiting(): a new deploy's worker would take over open pages at
 * once, and their MSW page side (which talks to the worker it started with) and their lazily loaded
 * chunks would break. So an update waits until its pages close or the learner accepts the reload
 * prompt ('fix401:update'). Replacing a worker that is not ours (MSW's own, from before) is immediate.
 */
self.skipWaiting = () => (ours(self.registration.active) ? Promise.resolve() : realSkipWaiting());

/**
 * MSW's worker unregisters the registration when its last page closes, so that a page which stopped
 * mocking is left alone. Here that would throw the offline course away with every closed tab: the
 * next visit without a network would find no worker. MSW's handler still forgets the closed client.
 */
Object.defineProperty(self.registration, 'unregister', { value: () => Promise.resolve(false) });

function ours(worker) {
  return Boolean(worker) && worker.scriptURL === self.location.href;
}

const isImmutable = (pathname) => IMMUTABLE.some((prefix) => pathname.startsWith(prefix));
const isRuntime = (pathname) => pathname.startsWith(RUNTIME);
const cacheable = (response) => response.ok && response.status === 200 && response.type === 'basic' && !response.redirected;

self.addEventListener('install', (event) => {
  // A learner who kept the previous version offline gets this one offline before it can take over.
  event.waitUntil(wanted().then((yes) => (yes && !savingData() ? saveAll() : undefined)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(pruneOldCaches());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  // DevTools' only-if-cached requests cannot be answered by a worker (MSW skips them as well).
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.stopImmediatePropagation();
  event.respondWith(isImmutable(url.pathname) ? cacheFirst(request, event) : networkFirst(request, event));
});

self.addEventListener('message', (event) => {
  const type = event.data && typeof event.data === 'object' ? event.data.type : undefined;
  if (typeof type !== 'string' || !type.startsWith('fix401:')) return;
  event.stopImmediatePropagation();
  if (type === 'fix401:offline-status') event.waitUntil(offlineStatus().then((state) => event.source?.postMessage(state)));
  else if (type === 'fix401:offline-save')
    event.waitUntil(
      caches
        .open(META)
        .then((meta) => meta.put(WANTED_KEY, new Response('1')))
        .then(saveAll)
        .catch((error) => broadcast({ state: 'failed', detail: String(error?.message ?? error) })),
    );
  else if (type === 'fix401:update') event.waitUntil(realSkipWaiting());
});

async function cacheFirst(request, event) {
  const hit = await caches.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  // Python's runtime is not copied on its way through: a clone makes this worker pump ≈ 15 MB
  // through two streams while the Python worker boots (a cold Run measured ≈ 0.3–0.4 s slower with
  // it, and no faster with the copy deferred). The course's save copies it later, from the HTTP cache.
  if (cacheable(response) && !isRuntime(new URL(request.url).pathname)) event.waitUntil(put(request.url, response.clone()));
  return response;
}

/** Pages and other unhashed files: the network's copy (a new deploy shows), the cache when it fails or stalls. */
async function networkFirst(request, event) {
  const network = fetch(request).then((response) => {
    if (cacheable(response)) event.waitUntil(put(request.url, response.clone()));
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  const stalled = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
  try {
    const response = await Promise.race([network, stalled]);
    if (response) return response;
  } catch {
    // offline or refused: the cache below
  }
  return (await cachedCopy(request)) ?? network;
}

/** This build's copy first (caches.match alone would search the oldest cache first), then an older build's. */
async function cachedCopy(request) {
  const current = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  for (const match of [current.match.bind(current), caches.match.bind(caches)]) {
    const hit =
      (await match(request, { ignoreVary: true })) ??
      (navigate ? await match(request, { ignoreVary: true, ignoreSearch: true }) : undefined);
    if (hit) return hit;
  }
  return undefined;
}

async function put(url, response) {
  try {
    const cache = await caches.open(CACHE);
    await cache.put(url.split('#')[0], response);
  } catch {
    // Quota or a closed cache: the page was answered; only its offline copy is missing.
  }
}

let saving = null;
let progress = { done: 0, total: PAGES.length + ASSETS.length };

/** Every page and asset of this build into its cache; files already cached (here or, if immutable, in an older build's cache) are not downloaded again. */
function saveAll() {
  saving ??= (async () => {
    const cache = await caches.open(CACHE);
    if (await cache.match(COMPLETE_KEY)) return;
    const queue = [...ASSETS, ...PAGES];
    progress = { done: 0, total: queue.length };
    const one = async (path) => {
      const url = new URL(path, self.location.origin).href;
      if (!(await cache.match(url, { ignoreVary: true }))) {
        const immutable = isImmutable(path);
        const older = immutable ? await caches.match(url, { ignoreVary: true }) : undefined;
        const response = older ?? (await fetch(url, { cache: immutable ? 'default' : 'no-cache', credentials: 'same-origin' }));
        if (!cacheable(response)) throw new Error(`${path}: HTTP ${response.status}`);
        await cache.put(url, response);
      }
      progress.done += 1;
    };
    const workers = Array.from({ length: PARALLEL }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await one(path);
        if (progress.done % 8 === 0) broadcast({ state: 'saving', ...progress });
      }
    });
    await Promise.all(workers);
    await cache.put(COMPLETE_KEY, new Response(BUILD));
  })().finally(() => {
    saving = null;
  });
  return saving.then(() => offlineStatus().then(broadcast));
}

async function offlineStatus() {
  const complete = await (await caches.open(CACHE)).match(COMPLETE_KEY);
  const state = complete ? 'ready' : saving ? 'saving' : 'none';
  return { type: 'fix401:offline', state, build: BUILD, ...progress };
}

async function broadcast(message) {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of windows) client.postMessage({ type: 'fix401:offline', build: BUILD, ...message });
}

async function wanted() {
  return Boolean(await (await caches.open(META)).match(WANTED_KEY));
}

/** Save-Data (or a 2g link) reported to the worker: an update is not downloaded in the background then. */
function savingData() {
  const connection = self.navigator.connection;
  return Boolean(connection?.saveData || /(^|-)2g$/.test(connection?.effectiveType ?? ''));
}

/**
 * Keeps this build's cache and the one before it: pages that were open when the learner accepted an
 * update in another tab still load their lazy chunks from it. Older ones go.
 */
async function pruneOldCaches() {
  const meta = await caches.open(META);
  const previous = await (await meta.match(ACTIVE_KEY))?.text();
  if (previous !== BUILD) await meta.put(ACTIVE_KEY, new Response(BUILD));
  const keep = new Set([CACHE, CACHE_PREFIX + (previous === BUILD ? '' : previous)]);
  for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && !keep.has(name)) await caches.delete(name);
}

importScripts('./mockServiceWorker.js');
