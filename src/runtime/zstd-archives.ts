/**
 * Python's archives (the stdlib zip, the wheels) are served packed: `<file>.zst`, the archive stored
 * and compressed as a whole with zstd (scripts/lib/solid-archive.mjs), 2 MB less to download on a
 * first visit than the deflated files. Pyodide asks for `<file>`; this wraps the Python worker's
 * `fetch` so that it gets the unpacked archive (./zstd-unpack.ts). The unpacking costs every boot
 * time, the stdlib's 150–200 ms above all (docs/performance.md): unpacking on a worker of its own
 * was tried and measured no faster on a 2-core machine, where both threads share the cores.
 *
 * Pyodide asks fetch to check a wheel's integrity (the lock's sha256); a response made here would
 * skip the browser's check, so the check is made here, on the unpacked bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64 } from '../mock-api/codec';
import { unpackArchive } from './zstd-unpack';

type Fetch = typeof fetch;
/** The file's name in a URL, for messages. */
const fileName = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * Checks `bytes` against a Subresource Integrity value as Pyodide passes it (`sha256-<base64>`, or
 * several separated by spaces: any one matching is enough, as for fetch). Other algorithms are not
 * checked here (Pyodide sends none).
 */
export function matchesIntegrity(bytes: Uint8Array, integrity: string): boolean {
  const wanted = integrity
    .split(/\s+/)
    .filter((token) => token.startsWith('sha256-'))
    .map((token) => token.slice('sha256-'.length).split('?')[0]);
  if (!wanted.length) return true;
  const actual = encodeBase64(sha256(bytes));
  return wanted.includes(actual);
}

/**
 * Wraps `scope.fetch`: a request for one of `paths` (relative to `baseUrl`) fetches `<path>.zst`
 * through the fetch that was there before (the download meter counts the packed bytes), and answers
 * with the unpacked archive. Every other request goes through untouched.
 *
 * The archives in `startNow` are fetched and unpacked at once, each handed to the first request for
 * it: the stdlib's download starts before Pyodide's module is even imported, a head start on a slow
 * link (on this machine's loopback, restored boots measured the same with it and without).
 */
export function serveUnpackedArchives(
  scope: { fetch: Fetch },
  baseUrl: string,
  paths: readonly string[],
  { startNow = [] }: { startNow?: readonly string[] } = {},
): void {
  if (!paths.length) return;
  const urls = new Set(paths.map((path) => new URL(path, baseUrl).href));
  const inner = scope.fetch;
  /** The unpacked archive, or the response when it failed (Pyodide reports those). */
  const unpacked = async (url: string, init: RequestInit): Promise<Uint8Array | Response> => {
    const response = await inner(`${url}.zst`, init);
    if (!response.ok) return response;
    return unpackArchive(new Uint8Array(await response.arrayBuffer()), fileName(url));
  };
  const started = new Map<string, Promise<Uint8Array | Response>>();
  for (const url of startNow.map((path) => new URL(path, baseUrl).href).filter((href) => urls.has(href))) {
    const pending = unpacked(url, {});
    pending.catch(() => {}); // the request that takes it gets the error
    started.set(url, pending);
  }
  scope.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : new URL(input, baseUrl).href;
    if (!urls.has(url)) return inner(input, init);
    const { integrity, ...rest } = init ?? {};
    const pending = started.get(url);
    started.delete(url);
    const archive = await (pending ?? unpacked(url, rest));
    if (archive instanceof Response) return archive;
    if (integrity && !matchesIntegrity(archive, integrity)) {
      throw new TypeError(`${fileName(url)} failed its integrity check: the file on the server is not the one this site was built with`);
    }
    return new Response(archive as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'Content-Type': 'application/zip' } });
  };
}
