// Precompressed copies next to the build's large text and wasm files (`x.wasm.br`, `x.wasm.gz`), so a
// server picks one by Accept-Encoding instead of compressing on every request: scripts/serve.mjs
// does, and nginx with `gzip_static on;` (docs/deploy.md). Python's runtime gets brotli's best
// quality (the wasm: 9.6 MB raw, 2.74 MB at quality 11, 3.23 MB at 5, 3.59 MB gzipped), which is
// slow (minutes on a loaded 2-core machine), so every result is kept in a cache keyed by the
// content's hash: the runtime is compressed once per machine, not once per build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Types worth compressing (zip and wheels are already deflated; images are compressed formats). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.xml', '.txt', '.map']);
/** Below this, headers outweigh the saving. */
export const MIN_BYTES = 1024;
/** Encodings in order of preference, with their file suffixes. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
];

/** @param {string} dir */
function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Brotli quality: the best for the runtime (large, the same across builds), a fast one for pages and bundles. */
const quality = (path) => (path.split(sep)[0] === 'pyodide' ? constants.BROTLI_MAX_QUALITY : 6);

/**
 * Compresses `body` with `compress`, or reads the result kept from an earlier build.
 * @param {string | null} cacheDir
 * @param {string} key  hash of the content and the settings
 * @param {() => Promise<Buffer>} compress
 */
async function cached(cacheDir, key, compress) {
  const path = cacheDir && join(cacheDir, key);
  if (path && existsSync(path)) return readFileSync(path);
  const result = await compress();
  if (path) writeFileSync(path, result);
  return result;
}

/**
 * Writes `.br` and `.gz` next to every compressible file of at least MIN_BYTES, keeping each only
 * where it is smaller than the file. Runs the compressions on libuv's thread pool.
 * @param {string} dir  the built site
 * @param {string | null} [cacheDir]  where results are kept across builds (null: no cache)
 * @returns {Promise<{ files: number, bytes: number, br: number, gzip: number, reused: number }>}  totals for the log
 */
export async function precompress(dir, cacheDir = null) {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const targets = [...files(dir)].filter((f) => COMPRESSIBLE.has(extname(f)) && statSync(f).size >= MIN_BYTES);
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0, reused: 0 };
  await Promise.all(
    targets.map(async (file) => {
      const body = readFileSync(file);
      const q = quality(relative(dir, file));
      const hash = createHash('sha256').update(body).digest('hex');
      if (cacheDir && existsSync(join(cacheDir, `${hash}.q${q}.br`))) totals.reused += 1;
      const [br, gzipped] = await Promise.all([
        cached(cacheDir, `${hash}.q${q}.br`, () =>
          brotli(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: q,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
            },
          }),
        ),
        cached(cacheDir, `${hash}.9.gz`, () => gz(body, { level: 9 })),
      ]);
      totals.files += 1;
      totals.bytes += body.length;
      if (br.length < body.length) {
        writeFileSync(`${file}.br`, br);
        totals.br += br.length;
      }
      if (gzipped.length < body.length) {
        writeFileSync(`${file}.gz`, gzipped);
        totals.gzip += gzipped.length;
      }
    }),
  );
  return totals;
}

/**
 * The encoding to send for an `Accept-Encoding` header, among those a file has precompressed
 * (RFC 9110 §12.5.3: `q=0` refuses a coding; `*` stands for any not named). Ties go to the
 * server's preference (ENCODINGS order).
 * @param {string | undefined} acceptEncoding
 * @param {string[]} available  encoding names, e.g. ['br', 'gzip']
 * @returns {string | null}
 */
export function pickEncoding(acceptEncoding, available) {
  if (!acceptEncoding) return null;
  const weights = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().split(';');
    const name = token.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name) => weights.get(name) ?? weights.get('*') ?? 0;
  let best = null;
  for (const { name } of ENCODINGS) {
    if (!available.includes(name) || weight(name) <= 0) continue;
    if (best === null || weight(name) > weight(best)) best = name;
  }
  return best;
}
