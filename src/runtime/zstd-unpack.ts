/**
 * zstd frames as the build writes them (scripts/lib/solid-archive.mjs), unpacked with fzstd (7 KB
 * gzip, pure JS: no browser's DecompressionStream takes zstd, Chromium 156 and Firefox ESR 153
 * tried). One go once the bytes are in: fzstd's streaming mode took 190–380 ms for the stdlib under
 * Node where the one-shot took 110–175 ms (a fresh Chromium worker: 150–250 ms, Firefox 140–170 ms).
 */
import { decompress } from 'fzstd';

/** zstd's frame magic number, little-endian 0xFD2FB528. */
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const isZstd = (bytes: Uint8Array) => ZSTD_MAGIC.every((byte, i) => bytes[i] === byte);

/**
 * The content size a zstd frame header declares (RFC 8878 §3.1.1.1), or null when it has none.
 * The build always writes it: fzstd returns what it could decode from a cut-off frame without an
 * error, so the size is how a partial download is told from a whole one.
 */
export function declaredSize(frame: Uint8Array): number | null {
  const descriptor = frame[4];
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3];
  const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag];
  if (!sizeBytes) return null;
  let at = 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes;
  let size = 0;
  for (let i = 0; i < sizeBytes; i += 1) size += frame[at++] * 2 ** (8 * i);
  return sizeBytes === 2 ? size + 256 : size;
}

/**
 * Unpacks a packed archive. A host that labelled `.zst` files `Content-Encoding: zstd` has had the
 * browser unpack it already: a ZIP arrives, and is used as it is.
 */
export function unpackArchive(body: Uint8Array, name: string): Uint8Array {
  if (!isZstd(body)) return body;
  let archive: Uint8Array;
  try {
    archive = decompress(body);
  } catch (error) {
    throw new TypeError(`${name} could not be unpacked: ${error instanceof Error ? error.message : String(error)}`);
  }
  const size = declaredSize(body);
  if (size !== null && archive.length !== size) {
    throw new TypeError(`${name} could not be unpacked: ${archive.length} of ${size} bytes (the download was cut off?)`);
  }
  return archive;
}
