// Content-versioned names for Python's runtime files, so every host and CDN may cache them as
// immutable: the build moves dist/pyodide/<file> to dist/pyodide/<hash>/<file>, where <hash> is
// taken from the content. Pyodide's core (pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm: one unit,
// pyodide.mjs loads the other two from its own folder) shares one folder; the stdlib zip, each
// wheel and the lock file get one each, so a deploy that changes one wheel changes that wheel's URL
// and the lock's, nothing else. File names stay as they are: Pyodide reads a wheel's name and
// version from its file name, and its loader takes only the part after the last `/`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
 * @typedef {{ core: string, stdlib: string, lock: string, fetchedBytes: number }} RuntimeUrls  paths relative to `<base>pyodide/`, and the size of what the worker fetches
 * @typedef {{ moves: Array<{ from: string, to: string }>, lockPath: string, lockText: string, urls: RuntimeUrls, unserved: string[] }} RuntimePlan
 */

/**
 * Where each provisioned file goes (a pure function of the folder's content).
 * @param {string} dir  public/pyodide/ as provisioned, or dist/pyodide/ before the move
 * @returns {RuntimePlan}
 */
export function planRuntimeAssets(dir) {
  const read = (name) => readFileSync(join(dir, name));
  const coreDir = digest(...CORE_FILES.flatMap((name) => [name, '\0', createHash('sha256').update(read(name)).digest()]));
  const moves = CORE_FILES.map((name) => ({ from: name, to: `${coreDir}/${name}` }));
  const stdlibPath = `${digest(read(STDLIB))}/${STDLIB}`;
  moves.push({ from: STDLIB, to: stdlibPath });
  const lock = JSON.parse(read(LOCK).toString('utf8'));
  for (const entry of Object.values(lock.packages)) {
    const to = `${digest(read(entry.file_name))}/${entry.file_name}`;
    moves.push({ from: entry.file_name, to });
    // Relative to packageBaseUrl (`<base>pyodide/`), which the worker passes to loadPyodide.
    entry.file_name = to;
  }
  const lockText = JSON.stringify(lock, null, 1);
  const lockPath = `${digest(lockText)}/${LOCK}`;
  // What the worker fetches with fetch() (its download meter's total); pyodide.mjs and
  // pyodide.asm.mjs are loaded with import().
  const fetched = ['pyodide.asm.wasm', STDLIB, ...Object.values(lock.packages).map((entry) => entry.file_name.split('/').pop())];
  const fetchedBytes = fetched.reduce((sum, name) => sum + statSync(join(dir, name)).size, Buffer.byteLength(lockText));
  const planned = new Set([...moves.map((m) => m.from), LOCK, ...NOT_SERVED]);
  const unexpected = readdirSync(dir).filter((name) => !planned.has(name) && !/^[0-9a-f]{16}$/.test(name));
  if (unexpected.length) throw new Error(`runtime-assets: ${dir} holds files the plan does not know: ${unexpected.join(', ')}`);
  return {
    moves,
    lockPath,
    lockText,
    urls: { core: `${coreDir}/`, stdlib: stdlibPath, lock: lockPath, fetchedBytes },
    unserved: NOT_SERVED,
  };
}

/** What the worker uses in `astro dev`, where public/pyodide/ is served as provisioned. */
export const UNVERSIONED_URLS = { core: '', stdlib: STDLIB, lock: LOCK, fetchedBytes: 0 };

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
  mkdirSync(dirname(join(pyodideDir, plan.lockPath)), { recursive: true });
  writeFileSync(join(pyodideDir, plan.lockPath), plan.lockText);
  for (const name of [LOCK, ...plan.unserved]) rmSync(join(pyodideDir, name), { force: true });
}
