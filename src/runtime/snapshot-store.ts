/**
 * Where a booted Python's snapshot is kept between visits: Cache Storage, one entry, under a URL
 * made of the runtime's content hashes and our format version. A deploy that changes Pyodide, the
 * stdlib or a wheel changes the URL, and the old entry is deleted when the new one is stored.
 */
import { SNAPSHOT_FORMAT } from './snapshot-format';

/** Also read by the benchmark and the tests (they wait for it, or spoil it). */
export const SNAPSHOT_CACHE = 'fix401-python-snapshot';

export interface RuntimeUrls {
  core: string;
  stdlib: string;
  lock: string;
}

/**
 * The runtime's identity: the hash folder of each versioned path. Null when the paths carry no
 * hash (`astro dev` serves public/pyodide/ as provisioned): nothing would tell two runtimes apart.
 */
export function runtimeKey(urls: RuntimeUrls): string | null {
  const hashes = [urls.core, urls.stdlib, urls.lock].map((path) => /^([0-9a-f]{16})\//.exec(path)?.[1]);
  return hashes.every(Boolean) ? hashes.join('-') : null;
}

/** The Cache Storage key: a URL under the site, never fetched. */
export const snapshotUrl = (pyodideUrl: string, key: string) => `${pyodideUrl}snapshot/v${SNAPSHOT_FORMAT}/${key}`;

/** Cache Storage, or null where the browser gives none (an insecure origin; Firefox's private windows throw). */
async function open(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(SNAPSHOT_CACHE);
  } catch {
    return null;
  }
}

export async function loadSnapshot(url: string): Promise<ArrayBuffer | null> {
  const response = await (await open())?.match(url);
  return response ? response.arrayBuffer() : null;
}

/** How much of the snapshot one task hands to Cache Storage (see streamOf). */
const CHUNK_BYTES = 256 * 1024;

/**
 * `parts` as a stream of chunks of at most `chunkBytes`, each a view (no copy), handed over one per
 * pull. A Blob of the 34 MB would be copied in one task: Chromium's worker was blocked 110–200 ms
 * (probe), just when Python is reported ready and a learner's first Run may arrive; through a stream
 * the longest task was 11–17 ms, and the whole write no slower.
 */
export function streamOf(parts: readonly Uint8Array[], chunkBytes = CHUNK_BYTES): ReadableStream<Uint8Array> {
  let part = 0;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      while (part < parts.length && offset >= parts[part].length) [part, offset] = [part + 1, 0];
      if (part === parts.length) {
        controller.close();
        return;
      }
      controller.enqueue(parts[part].subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

/** Stores `parts` as the one snapshot; entries of other runtimes or formats are deleted. */
export async function saveSnapshot(url: string, parts: Uint8Array[]): Promise<void> {
  const cache = await open();
  if (!cache) return;
  for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
  await cache.put(url, new Response(streamOf(parts), { headers: { 'Content-Type': 'application/octet-stream' } }));
}

export async function deleteSnapshot(url: string): Promise<void> {
  await (await open())?.delete(url);
}
