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
 * Only a boot in a browser that has not booted Python before is metered (./runtime-loaded.ts): a
 * response cannot say whether it came from a cache (a copy cached seconds ago has a fresh `Date`; a
 * host that revalidates refreshes it), and reading 15 MB out of one can take over a second on a busy
 * phone, so time alone cannot tell either. No report in the first `quietMs`: a download that is over
 * by then (a fast link, files another tab cached) shows none.
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
  let firstResponseAt: number | null = null;
  let lastReport = -Infinity;
  let finished = false;

  const progress = (): DownloadProgress => ({ receivedBytes: received, totalBytes });
  const count = (bytes: number) => {
    received += bytes;
    if (finished || stopped) return;
    const at = now();
    const complete = totalBytes !== null && received >= totalBytes;
    // The last report only if an earlier one was shown: a fast (cached) download shows none.
    if (complete) {
      finished = true;
      if (lastReport > -Infinity) report(progress());
      return;
    }
    if (firstResponseAt !== null && at - firstResponseAt >= options.quietMs && at - lastReport >= options.everyMs) {
      lastReport = at;
      report(progress());
    }
  };

  const drain = async (body: ReadableStream<Uint8Array>) => {
    const reader = body.getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) count(chunk.value.byteLength);
    } catch {
      // The original body reports its own failure to Pyodide.
    }
  };

  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    if (stopped || !url.startsWith(prefix)) return inner(input, init);
    const response = await inner(input, init);
    firstResponseAt ??= now();
    const copy = response.ok ? response.clone().body : null;
    if (copy) void drain(copy);
    return response;
  };
  return {
    stop() {
      stopped = true;
    },
  };
}
