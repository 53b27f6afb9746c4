// Content-versioned names for Python's runtime files, so every host and CDN may cache them as
// immutable: the build moves dist/pyodide/<file> to dist/pyodide/<hash>/<file>, where <hash> is
// taken from the content. Pyodide's core (pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm: one unit,
// pyodide.mjs loads the other two from its own folder) shares one folder; the stdlib zip, each
// wheel and the lock file get one each, so a deploy that changes one wheel changes that wheel's URL
// and the lock's, nothing else. File names stay as they are: Pyodide reads a wheel's name and
// version from its file name, and its loader takes only the part after the last `/`.
// The stdlib and the wheels are served packed (./solid-archive.mjs): Pyodide asks for
// `<hash>/<file>`, the worker fetches `<hash>/<file>.zst`, and the lock's sha256 is the archive's as
// Pyodide receives it, unpacked.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ARCHIVE_SUFFIX, packArchive } from './solid-archive.mjs';

export const CORE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm'];
export const STDLIB = 'python_stdlib.zip';
export const LOCK = 'pyodide-lock.json';
/** Provisioning notes (scripts/provision-wheels.mjs), not served. */
const NOT_SERVED = ['versions.json'];

const digest = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

/**
 * @typedef {{ core: string, stdlib: string, lock: string, fetchedBytes: number, archives: string[] }} RuntimeUrls
 *   paths relative to `<base>pyodide/`, the size of what the worker fetches, and the paths Pyodide
 *   asks for that are served packed at `<path>.zst`
 * @typedef {{ from: string, to: string, data: Buffer }} PackedArchive  `to` is the served path (with `.zst`)
 * @typedef {{ moves: Array<{ from: string, to: string }>, packed: PackedArchive[], lockPath: string, lockText: string, urls: RuntimeUrls, unserved: string[] }} RuntimePlan
 */

/**
 * Where each provisioned file goes (a pure function of the folder's content).
 * @param {string} dir  public/pyodide/ as provisioned, or dist/pyodide/ before the move
 * @param {string | null} [cacheDir]  where packed archives are kept across builds (null: no cache)
 * @returns {RuntimePlan}
 */
export function planRuntimeAssets(dir, cacheDir = null) {
  const read = (name) => readFileSync(join(dir, name));
  const coreDir = digest(...CORE_FILES.flatMap((name) => [name, '\0', createHash('sha256').update(read(name)).digest()]));
  const moves = CORE_FILES.map((name) => ({ from: name, to: `${coreDir}/${name}` }));
  /** @type {PackedArchive[]} */
  const packed = [];
  /** Packs an archive into a folder named after the packed bytes; returns it with the unpacked archive's sha256. */
  const pack = (name) => {
    const { stored, packed: data } = packArchive(read(name), cacheDir);
    const path = `${digest(data)}/${name}`;
    packed.push({ from: name, to: path + ARCHIVE_SUFFIX, data });
    return { path, sha256: createHash('sha256').update(stored).digest('hex') };
  };
  const stdlibPath = pack(STDLIB).path;
  const lock = JSON.parse(read(LOCK).toString('utf8'));
  for (const entry of Object.values(lock.packages)) {
    const { path, sha256 } = pack(entry.file_name);
    // Relative to packageBaseUrl (`<base>pyodide/`), which the worker passes to loadPyodide.
    entry.file_name = path;
    // Pyodide checks what it receives, the unpacked wheel; the worker checks it for Pyodide.
    entry.sha256 = sha256;
  }
  const lockText = JSON.stringify(lock, null, 1);
  const lockPath = `${digest(lockText)}/${LOCK}`;
  // What the worker fetches with fetch() (its download meter's total); pyodide.mjs and
  // pyodide.asm.mjs are loaded with import().
  const fetchedBytes = packed.reduce(
    (sum, { data }) => sum + data.length,
    statSync(join(dir, 'pyodide.asm.wasm')).size + Buffer.byteLength(lockText),
  );
  const planned = new Set([...moves.map((m) => m.from), ...packed.map((p) => p.from), LOCK, ...NOT_SERVED]);
  const unexpected = readdirSync(dir).filter((name) => !planned.has(name) && !/^[0-9a-f]{16}$/.test(name));
  if (unexpected.length) throw new Error(`runtime-assets: ${dir} holds files the plan does not know: ${unexpected.join(', ')}`);
  return {
    moves,
    packed,
    lockPath,
    lockText,
    urls: {
      core: `${coreDir}/`,
      stdlib: stdlibPath,
      lock: lockPath,
      fetchedBytes,
      archives: packed.map(({ to }) => to.slice(0, -ARCHIVE_SUFFIX.length)),
    },
    unserved: NOT_SERVED,
  };
}

/** What the worker uses in `astro dev`, where public/pyodide/ is served as provisioned (nothing packed). */
export const UNVERSIONED_URLS = { core: '', stdlib: STDLIB, lock: LOCK, fetchedBytes: 0, archives: [] };

/**
 * Moves a built site's pyodide/ files to their versioned paths (after `astro build` copied public/).
 * @param {string} pyodideDir  dist/pyodide
 * @param {RuntimePlan} plan  made from public/pyodide before the build (its URLs are in the bundle)
 */
export function applyRuntimePlan(pyodideDir, plan) {
  for (const { from, to } of plan.moves) {
    mkdirSync(dirname(join(pyodideDir, to)), { recursive: true });
    renameSync(join(pyodideDir, from), join(pyodideDir, to));
  }
  for (const { from, to, data } of plan.packed) {
    mkdirSync(dirname(join(pyodideDir, to)), { recursive: true });
    writeFileSync(join(pyodideDir, to), data);
    rmSync(join(pyodideDir, from));
  }
  mkdirSync(dirname(join(pyodideDir, plan.lockPath)), { recursive: true });
  writeFileSync(join(pyodideDir, plan.lockPath), plan.lockText);
  for (const name of [LOCK, ...plan.unserved]) rmSync(join(pyodideDir, name), { force: true });
}
