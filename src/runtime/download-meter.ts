/**
 * Counts the bytes of Python's runtime files as the worker receives them, so a first Run that has to
 * download Python can show how far it got. It wraps the worker's `fetch` for URLs under the runtime's
 * folder (any file: the wasm, the stdlib, the wheels, the lock file) and reads a clone of each
 * response's body; the response itself goes to Pyodide untouched (WebAssembly.instantiateStreaming
 * needs the real one: its URL keys the browser's compiled-code cache).
 *
 * The count is of decompressed bytes (what a body stream yields), measured against the files' sizes
 * known at build time; with compression the network carries fewer. Pyodide's two JS modules are
 * loaded with import(), not fetch, and are in neither figure.
 *
 * A boot from the caches (the HTTP cache, the offline course's service worker) reports nothing: its
 * responses are recognized by their `Date` (plus `Age`), which a cache keeps from when the file was
 * first fetched. Reading 15 MB out of a cache can take over a second on a busy phone, so time alone
 * cannot tell. Only bytes from the network make reports, and none in the first `quietMs`. A copy
 * cached seconds ago still has a fresh `Date`: the page hides the progress anyway once this browser
 * has booted Python (../exercises/status-line.ts).
 */
import type { DownloadProgress } from './protocol';

export interface MeterOptions {
  /** No report before this long after the first response from the network: a small download is over by then. */
  quietMs: number;
  /** At most one report per this interval. */
  everyMs: number;
  now?: () => number;
}

export const DEFAULT_METER: MeterOptions = { quietMs: 400, everyMs: 250 };

/** A response older than its request by more than this (clocks differ a little) came from a cache. */
const CACHED_AFTER_MS = 10_000;

/** Whether the response was stored before the request was made: Date (+ Age) well before `requestedAt`. */
export function servedFromCache(headers: Headers, requestedAt: number): boolean {
  const date = Date.parse(headers.get('Date') ?? '');
  if (Number.isNaN(date)) return false;
  const age = Number(headers.get('Age') ?? 0) || 0;
  return date + age * 1000 < requestedAt - CACHED_AFTER_MS;
}

export interface DownloadMeter {
  /** Stops counting (after boot: learner code may fetch the same URLs); fetch keeps working. */
  stop(): void;
}

type Fetch = typeof fetch;

/**
 * Wraps `scope.fetch` (the worker's global) for URLs starting with `prefix`. `report` gets the bytes
 * so far, throttled; once the total is reached it gets one last report and then no more.
 */
export function meterDownloads(
  scope: { fetch: Fetch },
  prefix: string,
  totalBytes: number | null,
  report: (progress: DownloadProgress) => void,
  options: MeterOptions = DEFAULT_METER,
): DownloadMeter {
  const now = options.now ?? (() => performance.now());
  const inner = scope.fetch;
  let stopped = false;
  let received = 0;
  let firstNetworkAt: number | null = null;
  let lastReport = -Infinity;
  let finished = false;

  const progress = (): DownloadProgress => ({ receivedBytes: received, totalBytes });
  const count = (bytes: number, fromNetwork: boolean) => {
    received += bytes;
    if (finished || stopped || (!fromNetwork && lastReport === -Infinity)) return;
    const at = now();
    const complete = totalBytes !== null && received >= totalBytes;
    // The last report only if an earlier one was shown: a fast (cached) download shows none.
    if (complete) {
      finished = true;
      if (lastReport > -Infinity) report(progress());
      return;
    }
    if (fromNetwork && firstNetworkAt !== null && at - firstNetworkAt >= options.quietMs && at - lastReport >= options.everyMs) {
      lastReport = at;
      report(progress());
    }
  };

  const drain = async (body: ReadableStream<Uint8Array>, fromNetwork: boolean) => {
    const reader = body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) count(chunk.value.byteLength, fromNetwork);
    } catch {
      // The original body reports its own failure to Pyodide.
    }
  };

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    if (stopped || !url.startsWith(prefix)) return inner(input, init);
    const requestedAt = Date.now();
    const response = await inner(input, init);
    const fromNetwork = !servedFromCache(response.headers, requestedAt);
    if (fromNetwork) firstNetworkAt ??= now();
    const copy = response.ok ? response.clone().body : null;
    if (copy) void drain(copy, fromNetwork);
    return response;
  };
  return {
    stop() {
      stopped = true;
    },
  };
}
