/// <reference lib="webworker" />
/**
 * The Python worker: the only code that touches Pyodide. One per tab. It boots CPython with
 * `requests` (restored from a memory snapshot a previous boot stored, when there is one:
 * python-boot.ts), then runs learner code on request, streaming output in batches. The practice API
 * runs here too (worker-mock.ts): CPython's http.client writes to it through transport.py.
 */
import type { PyodideAPI } from 'pyodide';
import { OutputBuffer } from './output-buffer';
import { pack, unpack, type OutputChunk, type PageToWorker, type RunRequest, type WorkerToPage } from './protocol';
import sandboxSource from './sandbox.py?raw';
import transportSource from './transport.py?raw';
import { ExchangeBatch } from './exchange-batch';
import { refuseSyncXhrToMockedHosts } from './sync-xhr-guard';
import { holdBrowserRequestsUntilMockIsActive, openBrowserRequests, refuseBrowserRequests } from './browser-request-gate';
// Imported statically: WebKitGTK's module worker never ran a run after a dynamic import() of it.
import * as workerMock from './worker-mock';
import { startPython } from './python-boot';
import { meterDownloads } from './download-meter';
import { serveUnpackedArchives } from './zstd-archives';
import { DEFAULT_SERVER_STATE } from '../mock-api/server-state';

declare const self: DedicatedWorkerGlobalScope;

refuseSyncXhrToMockedHosts();
holdBrowserRequestsUntilMockIsActive();

/** How often buffered output and exchanges are sent while Python runs (the page stays responsive under floods). */
const FLUSH_INTERVAL_MS = 50;
let pyodide: PyodideAPI | null = null;
let runSandbox: ((...args: unknown[]) => unknown) | null = null;
/** transport.py's switch for the 401 doctor's replay mode (any host answers). */
let setAnyHost: ((flag: boolean) => void) | null = null;
let currentRunId = -1;
/** The page has a run waiting for this boot (`runWaiting`): be ready first, the rest can wait. */
let runWaiting = false;
/** The current run's exchanges, on their way to the page. */
let exchanges: ExchangeBatch | null = null;

const post = <K extends keyof WorkerToPage>(type: K, payload: WorkerToPage[K]) => self.postMessage(pack<WorkerToPage, K>(type, payload));

/** Collects stdout/stderr in order and sends them in batches (head live, tail at the end). */
const output = {
  buffer: new OutputBuffer(),
  lastFlush: 0,
  /** A run's first output goes at once (the learner is waiting for it); later output every interval. */
  sentAny: false,
  reset() {
    this.buffer = new OutputBuffer();
    this.lastFlush = performance.now();
    this.sentAny = false;
  },
  write(stream: OutputChunk['stream'], text: string) {
    this.buffer.write(stream, text);
    if (!this.sentAny || performance.now() - this.lastFlush > FLUSH_INTERVAL_MS) this.flush();
  },
  flush() {
    this.lastFlush = performance.now();
    const batch = this.buffer.takeLive();
    if (batch) post('output', { runId: currentRunId, ...batch });
    this.sentAny ||= batch !== null;
    exchanges?.flush(); // a loop that prints keeps the HTTP log live too
  },
  finish() {
    for (const batch of this.buffer.takeFinal()) post('output', { runId: currentRunId, ...batch });
  },
};

/** The interpreter's wasm memory, in bytes (it grows, never shrinks). */
const wasmBytes = (py: PyodideAPI) => (py as unknown as { _module: { HEAP8: Int8Array } })._module.HEAP8.length;

/**
 * How much memory learner code may take before CPython raises MemoryError. wasm32 would allow 4 GB,
 * but every new page costs time at first touch (measured here: 64 MB took 200–450 ms in Chromium and
 * Node alike), so a runaway allocation reached MemoryError only after 18–26 s, and past the 30 s time
 * limit on a busy machine, where the learner read "Is there a loop that never ends?". 1 GiB is far
 * more than any lesson needs and fits a phone. dlmalloc's own limit: malloc returns NULL past it,
 * which CPython turns into MemoryError exactly as it does when a real machine runs out.
 */
const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;
const limitMemory = (py: PyodideAPI) =>
  (py as unknown as { _module: { _malloc_set_footprint_limit(bytes: number): number } })._module._malloc_set_footprint_limit(
    MEMORY_LIMIT_BYTES,
  );

async function boot(baseUrl: string, expectDownload: boolean) {
  const bootStarted = performance.now();
  const starting = 'Starting Python and loading requests…';
  post('progress', { detail: starting });
  // Pyodide resolves package URLs against packageBaseUrl, which must be absolute. The build puts
  // each file under a content-versioned path (scripts/lib/runtime-assets.mjs).
  const pyodideUrl = new URL(`${baseUrl}pyodide/`, self.location.href).href;
  // How much of Python's files has arrived, in a browser that has not booted Python before: later
  // boots read them from the caches, which takes time too but downloads nothing.
  const meter = expectDownload
    ? meterDownloads(self, pyodideUrl, __FIX401_RUNTIME__.fetchedBytes || null, (download) =>
        post(
          'progress',
          download.receivedBytes >= (download.totalBytes ?? Infinity) ? { detail: starting } : { detail: starting, download },
        ),
      )
    : null;
  // After the meter, so that it counts the packed bytes that come over the network.
  serveUnpackedArchives(self, pyodideUrl, __FIX401_RUNTIME__.archives, { startNow: [__FIX401_RUNTIME__.stdlib] });
  const indexURL = pyodideUrl + __FIX401_RUNTIME__.core;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
  const options = {
    indexURL,
    stdLibURL: pyodideUrl + __FIX401_RUNTIME__.stdlib,
    lockFileURL: pyodideUrl + __FIX401_RUNTIME__.lock,
    packageBaseUrl: pyodideUrl,
  };
  const started = await startPython(
    loadPyodide,
    options,
    pyodideUrl,
    __FIX401_RUNTIME__,
    async (snapshotting) => {
      // `packages` downloads the wheels while the interpreter starts, instead of after it.
      const booted = await loadPyodide({ ...options, packages: ['requests'], ...snapshotting });
      if (!('requests' in booted.loadedPackages)) {
        // Loading again is the way to learn why it failed (loadPyodide only logs to the console).
        post('progress', { detail: 'Loading requests…' });
        const loadErrors: string[] = [];
        await booted.loadPackage(['requests'], { messageCallback: () => {}, errorCallback: (m) => loadErrors.push(m) });
        if (loadErrors.length) throw new Error(`could not load the Python packages: ${loadErrors.join('; ')}`);
      }
      return booted;
    },
    () => !runWaiting,
  );
  meter?.stop();
  const py = started.py;
  limitMemory(py);
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  py.setStdout({ write: (bytes) => (output.write('stdout', decoders.stdout.decode(bytes, { stream: true })), bytes.length) });
  py.setStderr({ write: (bytes) => (output.write('stderr', decoders.stderr.decode(bytes, { stream: true })), bytes.length) });
  py.registerJsModule('fix401_host', {
    clock_advanced: (ms: number) => {
      workerMock.advanceMockClock(ms);
      post('clock', { runId: currentRunId, advanceMs: ms });
    },
    // Called synchronously from Python's socket (transport.py): the answer must not be a Promise.
    wire_exchange: (scheme: 'http' | 'https', host: string, port: number, bytes: Uint8Array) =>
      workerMock.answerWire({ scheme, host, port, bytes }),
  });
  post('progress', { detail: 'Importing requests…' });
  py.FS.writeFile('/home/pyodide/fix401_transport.py', transportSource);
  py.FS.writeFile('/home/pyodide/fix401_sandbox.py', sandboxSource);
  const sandbox = py.pyimport('fix401_sandbox');
  runSandbox = sandbox.run as (...args: unknown[]) => unknown;
  setAnyHost = (py.pyimport('fix401_transport') as { set_any_host: (flag: boolean) => void }).set_any_host;
  const versions = (sandbox.versions() as { toJs: (o: object) => Record<string, string> }).toJs({ dict_converter: Object.fromEntries });
  pyodide = py;
  if (!runWaiting) warmUp(); // a waiting run does what it would, and should not wait behind it
  post('booted', {
    python: py.runPython('import sys; sys.version.split()[0]') as string,
    packages: versions,
    bootMs: Math.round(performance.now() - bootStarted),
    heapBytes: wasmBytes(py),
    snapshot: started.snapshot,
  });
  // Off the boot: Cache Storage copies ≈ 30 MB (runs wait for nothing, a failed write only logs).
  void started.store().catch((error: unknown) => console.warn('Python snapshot not stored:', error));
}

/** Never a run id the page gives (they start at 1): the page ignores whatever this run sends. */
const WARM_UP_RUN_ID = 0;
/** What a first exercise does: a request with a token and a body, its status, headers and body read, a print. */
const WARM_UP_CODE = `import requests
r = requests.post('https://api.example.com/endpoint', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, json={'warm': True})
print(r.status_code, r.headers.get('WWW-Authenticate'), r.json(), len(r.text))
`;

/**
 * One hidden run before Python is reported ready, so a learner's first Run does not pay for what
 * CPython and the browser's wasm and JS engines do only once: requests' lazy imports, the first
 * compile of the interpreter's, the transport's and the mock's code paths. Measured in Chromium
 * (load ≈ 8): the first Run's code took 300–410 ms to its first output, later Runs 15–60 ms.
 * Then EXTRA_WARM_UPS, after "ready".
 */
function warmUp() {
  warmRun(WARM_UP_CODE);
  moreWarmUps = EXTRA_WARM_UPS;
  setTimeout(nextWarmUp, 0);
}

const warmRun = (code: string) =>
  run({ runId: WARM_UP_RUN_ID, code, env: {}, files: [], virtualNow: Date.now(), server: DEFAULT_SERVER_STATE });

/**
 * What exercises do beyond the first warm-up (forms, JSON, Basic auth, errors, the request's own
 * headers), one request each: a learner's Run that arrives meanwhile waits for one of these, not for all.
 */
const BROADER_WARM_UPS = [
  `import requests
r = requests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, data={'name': 'x'})
print(r.status_code, r.reason, r.request.headers.get('Content-Type'), r.text[:20])`,
  `import requests
r = requests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, json={'name': 'x'})
print(r.status_code, r.reason, r.request.headers['Content-Type'], r.json())`,
  `import json, requests
r = requests.post('https://api.example.com/items', headers={'Authorization': 'Bearer tok_live_8f2c4e9a1b7d3f'}, data=json.dumps({'name': 'x'}))
print(r.status_code, r.text[:20])`,
  `import requests
r = requests.get('https://api.example.com/endpoint', auth=('user', 'pass'))
try:
    r.raise_for_status()
except requests.HTTPError as error:
    print(error, dict(r.headers))`,
];
/**
 * Run after "ready", one per task, so a learner's Run waits for one or two of them at most (and cancels
 * the rest): Chromium compiles wasm functions on their first call and optimizes the ones called
 * often. Measured in Chromium (six fresh pages each, a lesson's first exercise 3 s after "ready"):
 * its code took 28–143 ms in the worker before these, 14–41 ms with them; click → first output
 * 47–274 ms before, 34–87 ms with them (Firefox: 16 ms).
 */
const EXTRA_WARM_UPS = [...BROADER_WARM_UPS, ...BROADER_WARM_UPS, ...BROADER_WARM_UPS];
let moreWarmUps: string[] = [];

function nextWarmUp() {
  const [code, ...rest] = moreWarmUps;
  if (code === undefined) return;
  moreWarmUps = rest;
  warmRun(code);
  setTimeout(nextWarmUp, 0);
}

function run(request: RunRequest) {
  if (!pyodide || !runSandbox || !setAnyHost) throw new Error('run before boot');
  currentRunId = request.runId;
  output.reset();
  const runId = request.runId;
  const batch = new ExchangeBatch((list) => post('exchanges', { runId, exchanges: list }), FLUSH_INTERVAL_MS);
  exchanges = batch;
  workerMock.startMockRun(request.server, request.virtualNow, (exchange) => batch.push(exchange), request.replay?.responses);
  setAnyHost(Boolean(request.replay));
  const started = performance.now();
  const env = pyodide.toPy(request.env);
  const files = pyodide.toPy(request.files);
  const result = runSandbox(request.code, env, files, request.virtualNow, request.epilogue ?? null) as {
    toJs: () => [string | null, string, string];
    destroy: () => void;
  };
  const [type, traceback, epilogueOutput] = result.toJs();
  result.destroy();
  env.destroy();
  files.destroy();
  output.finish();
  batch.flush();
  post('done', {
    runId: request.runId,
    failure: type ? { type, traceback } : null,
    epilogueOutput,
    durationMs: Math.round(performance.now() - started),
    heapBytes: wasmBytes(pyodide),
  });
}

let doctorAnalyze: ((code: string) => string) | null = null;

/** The doctor's code reader: analyze.py and the check modules it imports from its own folder. */
const doctorSources = import.meta.glob<string>('../doctor/analyze*.py', { query: '?raw', import: 'default', eager: true });
const DOCTOR_DIR = '/home/pyodide/.fix401_doctor';

/** The 401 doctor's code reader, loaded on first use (pages that never ask for it never write it). */
function analyzeCode(code: string): string {
  if (!pyodide) throw new Error('analyze before boot');
  if (!doctorAnalyze) {
    pyodide.FS.mkdirTree(DOCTOR_DIR);
    for (const [path, source] of Object.entries(doctorSources))
      pyodide.FS.writeFile(`${DOCTOR_DIR}/${path.split('/').at(-1) ?? ''}`, source);
    // analyze.py puts its own folder on sys.path for the modules beside it.
    doctorAnalyze = pyodide.runPython(`import runpy; runpy.run_path('${DOCTOR_DIR}/analyze.py')['analyze']`) as (code: string) => string;
  }
  try {
    return doctorAnalyze(code);
  } catch (error) {
    // An analyzer bug is the doctor's problem, not the runtime's: no `fatal`, the page goes on without it.
    return JSON.stringify({
      ok: false,
      error: error instanceof Error ? error.message.split('\n').slice(-2).join(' ') : String(error),
      findings: [],
      facts: {},
    });
  }
}

self.onmessage = async (event: MessageEvent) => {
  try {
    const message = unpack<PageToWorker>(event.data);
    if (message.type === 'boot') await boot(message.payload.baseUrl, message.payload.expectDownload);
    else if (message.type === 'runWaiting') runWaiting = true;
    else if (message.type === 'run') {
      moreWarmUps = []; // the learner's run is what the warm-ups were for
      run(message.payload);
    } else if (message.type === 'browserRequest') {
      const answer = pyodide ? workerMock.answerFetch(message.payload.request) : null;
      exchanges?.flush(); // its exchange first, as the server logged it before answering
      post('browserResponse', { requestId: message.payload.requestId, answer });
    } else if (message.type === 'analyze')
      post('analyzed', { requestId: message.payload.requestId, json: analyzeCode(message.payload.code) });
    else if (message.type === 'browserMock') {
      if (message.payload.state === 'active') openBrowserRequests();
      else refuseBrowserRequests(message.payload.message);
    }
  } catch (error) {
    post('fatal', { message: error instanceof Error ? error.message : String(error) });
  }
};
