// Python's archives on the wire: the stdlib zip and each wheel are served as `<file>.zst`, the
// archive stored (./zip.mjs storedZip) and compressed as a whole with zstd, which the Python worker
// decompresses (src/runtime/zstd-archives.ts). Deflate compresses each file alone; one compressor
// over all of them also finds what a .pyc repeats of its .py and what modules share. Measured on
// the provisioned files: stdlib 4.71 MB deflated → 2.91 MB, the five wheels 0.99 → 0.70 MB; brotli
// would save 0.15 MB more but no browser decodes it in every engine, and a JS brotli decoder carries
// a 120 KB dictionary. A host needs no setting for it (nothing to compress, nothing to negotiate).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, zstdCompressSync } from 'node:zlib';
import { storedZip } from './zip.mjs';

export const ARCHIVE_SUFFIX = '.zst';
/** Level 19 of 22: 22 gave the same size here at more time. A 16 MB window spans the whole stdlib. */
const ZSTD_PARAMS = { [constants.ZSTD_c_compressionLevel]: 19, [constants.ZSTD_c_windowLog]: 24 };
const SETTINGS = `zstd${process.versions.zstd}-l19-w24-v1`;

/**
 * The archive as served (`packed`) and as the worker hands it to Pyodide (`stored`). Compressing the
 * stdlib takes ≈ 6 s, so `packed` is kept in `cacheDir` under the content's hash and the settings.
 * @param {Buffer} zip  a provisioned archive
 * @param {string | null} cacheDir
 * @returns {{ stored: Buffer, packed: Buffer }}
 */
export function packArchive(zip, cacheDir) {
  const stored = storedZip(zip);
  const key = `${createHash('sha256').update(zip).digest('hex')}.${SETTINGS}.zst`;
  const path = cacheDir && join(cacheDir, key);
  if (path && existsSync(path)) return { stored, packed: readFileSync(path) };
  const packed = zstdCompressSync(stored, { params: { ...ZSTD_PARAMS, [constants.ZSTD_c_contentSizeFlag]: 1 } });
  if (path) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, packed);
  }
  return { stored, packed };
}
