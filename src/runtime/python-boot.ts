/**
 * Starts CPython with `requests` imported, in one of two ways: restored from the snapshot a
 * previous boot stored (./snapshot-store.ts), or booted normally, in which case it snapshots the
 * fresh interpreter for the next boot. The snapshot is taken before anything of this page's JS is
 * handed to Python (fix401_host, stdout): a snapshot can only name JS objects reachable from
 * globalThis. Anything wrong with a stored snapshot deletes it and boots normally.
 */
import type { PyodideAPI } from 'pyodide';
import type { SnapshotReport } from './protocol';
import { packSnapshot, unpackSnapshot, type SnapshotFile } from './snapshot-format';
import { deleteSnapshot, loadSnapshot, runtimeKey, saveSnapshot, snapshotUrl, type RuntimeUrls } from './snapshot-store';

type LoadPyodide = typeof import('pyodide').loadPyodide;
/** The part of Emscripten's FS used here (Pyodide types it loosely). */
interface FS {
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  readFile(path: string): Uint8Array;
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
}
const memfs = (fs: unknown) => fs as FS;

export interface StartedPython {
  py: PyodideAPI;
  snapshot: SnapshotReport;
  /** Stores the snapshot taken at boot (call when idle); a no-op when none was taken. */
  store(): Promise<void>;
}

/**
 * Imported before the snapshot: `requests` and what the sandbox and transport import, so neither a
 * restored nor a booted runtime imports them on the learner's first Run. Changing it means bumping
 * SNAPSHOT_FORMAT.
 */
const PRELUDE = `
import requests, certifi, charset_normalizer, idna, urllib3
import contextlib, datetime, http.client, io, linecache, traceback, urllib3.connectionpool, warnings
`;

/**
 * After a restore: what the snapshot froze and must differ per boot, and a check that imports still
 * find their files (site-packages and the stdlib zip were written again, not restored).
 */
const AFTER_RESTORE = `
import importlib, importlib.util, os, random, tempfile
random.seed()  # else every restore of one snapshot draws the same numbers
tempfile._name_sequence = None  # its own Random, created on first use
importlib.invalidate_caches()
import certifi
assert os.path.isfile(certifi.where()), "certifi's bundle is missing"
assert importlib.util.find_spec("requests.help") is not None, "site-packages is missing"
assert importlib.util.find_spec("netrc") is not None, "the stdlib is missing"
`;

/**
 * Python's `js` module when snapshots are on. With `_makeSnapshot`, Pyodide wraps its globals in
 * a Proxy that records paths, and reads through it with the Proxy as receiver: the worker's own
 * getters and methods (`crossOriginIsolated`, `fetch`) then throw "Illegal invocation", and
 * `import requests` fails. This layer reads and writes on the real global object and binds its
 * functions that are not classes, whichever receiver Pyodide passes.
 */
function workerGlobals(): typeof globalThis {
  return new Proxy(globalThis, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      return typeof value === 'function' && !('prototype' in value) ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    set: (target, name, value) => Reflect.set(target, name, value),
  });
}

/**
 * Pyodide's `makeMemorySnapshot()`, with two fixes. It expects the JS object behind
 * `loadedPackages` to be empty, as at a bare boot (a restore fills it again from the dist-info
 * folders put back in site-packages). And it copies the wasm memory from its Int8Array view into a
 * Uint8Array, which V8 does byte by byte (1.8 s for 30 MB in Chromium, loaded machine): during the
 * call, that view is the Uint8Array one over the same memory, and the copy is a memcpy.
 */
function snapshotMemory(py: PyodideAPI): Uint8Array {
  const loaded = py.loadedPackages as Record<string, string>;
  const names = { ...loaded };
  const module = (py as unknown as { _module: { HEAP8: ArrayBufferView; HEAPU8: Uint8Array } })._module;
  const heap8 = module.HEAP8;
  const bytes = module.HEAPU8;
  for (const name of Object.keys(names)) Reflect.deleteProperty(loaded, name);
  module.HEAP8 = bytes;
  try {
    return py.makeMemorySnapshot();
  } finally {
    // Unless the memory grew meanwhile (then Emscripten has made new views already).
    if (module.HEAP8 === bytes) module.HEAP8 = heap8;
    Object.assign(loaded, names);
  }
}

/**
 * A boot that may be snapshotted hands Python its `js` module through Pyodide's path-recording Proxy
 * (`makeGlobalsProxy`), which reads every nested property with itself as `this`: a getter such as
 * `js.navigator.userAgent` or `js.performance.timeOrigin` then throws ("Illegal invocation" in
 * Chromium). Once the snapshot is taken (or given up), learner code gets `js` over the plain globals,
 * as a restored Python has it. Modules holding the old one keep working: its calls unwrap `this`.
 */
function plainJsModule(py: PyodideAPI) {
  py.runPython('import sys; sys.modules.pop("js", None)');
  py.registerJsModule('js', workerGlobals());
}

function walk(FS: FS, root: string, dir = ''): SnapshotFile[] {
  const files: SnapshotFile[] = [];
  for (const name of FS.readdir(`${root}${dir}`)) {
    if (name === '.' || name === '..') continue;
    const path = `${dir}/${name}`;
    const { mode } = FS.stat(`${root}${path}`);
    if (FS.isDir(mode)) files.push(...walk(FS, root, path));
    else files.push({ path, data: FS.readFile(`${root}${path}`) });
  }
  return files;
}

function writeFiles(FS: FS, root: string, files: SnapshotFile[]) {
  for (const { path, data } of files) {
    FS.mkdirTree(`${root}${path.slice(0, path.lastIndexOf('/'))}`);
    FS.writeFile(`${root}${path}`, data);
  }
}

async function restore(loadPyodide: LoadPyodide, options: Parameters<LoadPyodide>[0], buffer: ArrayBuffer, key: string) {
  const { files, memory } = unpackSnapshot(buffer, key);
  const py = await loadPyodide({
    ...options,
    jsglobals: workerGlobals(),
    _loadSnapshot: memory,
    // Runs before the interpreter: the wheels' files where the snapshot's Python expects them.
    fsInit: (FS, { sitePackages }) => {
      writeFiles(memfs(FS), sitePackages, files);
      return Promise.resolve();
    },
  });
  // Pyodide keeps its options: without this they would hold the ≈ 34 MB read from the cache.
  const config = (py as unknown as { _api: { config: Record<string, unknown> } })._api.config;
  delete config._loadSnapshot;
  delete config.fsInit;
  py.runPython(AFTER_RESTORE);
  return py;
}

/**
 * Boots Python (restored when a snapshot of this runtime is stored). `boot` is the normal boot,
 * given the options that let it be snapshotted (none when no snapshot can be kept); it must load `requests`.
 * `snapshotWanted` is asked once booted: taking one costs 0.3–1.2 s that a waiting run should not pay.
 */
export async function startPython(
  loadPyodide: LoadPyodide,
  options: Parameters<LoadPyodide>[0] & { indexURL: string },
  pyodideUrl: string,
  urls: RuntimeUrls,
  boot: (snapshotting: Parameters<LoadPyodide>[0]) => Promise<PyodideAPI>,
  snapshotWanted: () => boolean = () => true,
): Promise<StartedPython> {
  const key = runtimeKey(urls);
  const url = key ? snapshotUrl(pyodideUrl, key) : null;
  const report: SnapshotReport = { mode: url ? 'made' : 'off' };
  const reading = performance.now();
  const buffer = url ? await loadSnapshot(url).catch(() => null) : null;
  if (url && key && buffer) {
    const started = performance.now();
    const readMs = Math.round(started - reading);
    try {
      const py = await restore(loadPyodide, options, buffer, key);
      const restoreMs = Math.round(performance.now() - started);
      return { py, snapshot: { mode: 'restored', readMs, restoreMs, bytes: buffer.byteLength }, store: async () => {} };
    } catch (error) {
      report.rejected = error instanceof Error ? error.message : String(error);
      console.warn('Python snapshot not used, booting normally:', report.rejected);
      await deleteSnapshot(url).catch(() => undefined);
    }
  }
  const py = await boot(url ? { _makeSnapshot: true, jsglobals: workerGlobals() } : {});
  py.runPython(PRELUDE);
  if (!url) return { py, snapshot: report, store: async () => {} };
  if (!snapshotWanted()) {
    plainJsModule(py);
    return { py, snapshot: { mode: 'off', rejected: 'not taken: a run was waiting for this boot' }, store: async () => {} };
  }
  let parts: Uint8Array[] | null = null;
  try {
    const started = performance.now();
    const sitePackages = py.runPython('str(__import__("pyodide._package_loader", fromlist=["_"]).SITE_PACKAGES)') as string;
    const files = walk(memfs(py.FS), sitePackages);
    const memory = snapshotMemory(py);
    const packed = packSnapshot({ runtimeKey: key!, files, memory });
    report.makeMs = Math.round(performance.now() - started);
    report.bytes = packed.reduce((sum, p) => sum + p.length, 0);
    parts = packed;
  } catch (error) {
    report.mode = 'off';
    report.rejected = `could not take a snapshot: ${error instanceof Error ? error.message : String(error)}`;
    console.warn(report.rejected);
  }
  plainJsModule(py);
  return {
    py,
    snapshot: report,
    store: async () => {
      if (parts) await saveSnapshot(url, parts);
      parts = null;
    },
  };
}
