/**
 * The typed, versioned message protocol between the page (client.ts) and the Python worker.
 * Every message is an envelope `{ type, version, payload }`; `unpack` is the one place that checks
 * the version and opens it (the MSW convention). Bump PROTOCOL_VERSION on any breaking change.
 */
import type { Exchange } from '../mock-api/contract';
import type { FetchAnswer, FetchRequest } from '../mock-api/server';
import type { ServerState } from '../mock-api/server-state';

export const PROTOCOL_VERSION = 4;

/** A file the learner's code can read during one run (e.g. `~/.netrc`). */
export interface RunFile {
  /** Absolute path, or starting with `~/` (the Pyodide home folder). */
  path: string;
  content: string;
}

export interface RunRequest {
  runId: number;
  code: string;
  /** Environment variables visible in `os.environ` for this run only. */
  env: Record<string, string>;
  files: RunFile[];
  /** Virtual clock (epoch ms) at the start of the run: the mock's clock, `time.time()` and `datetime.now()` read it. */
  virtualNow: number;
  /** The scenario's server state: the worker builds a fresh mock API from it for this run. */
  server: ServerState;
  /** Python run after the learner's code in the same namespace (exercise checks); its output is not shown. */
  epilogue?: string;
  /**
   * The 401 doctor's "Run it against your response": every host, not only the practice hosts, answers
   * with these responses in order (the last one repeats), and the practice API is not consulted.
   */
  replay?: { responses: ReplayResponse[] };
}

/** One canned HTTP/1.1 response for `RunRequest.replay`; the worker adds Content-Length. */
export interface ReplayResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface PythonFailure {
  /** The exception class name, e.g. `UnboundLocalError`. */
  type: string;
  /** The formatted traceback, learner frames only. */
  traceback: string;
}

/** How a worker's Python started (python-boot.ts): restored from a stored snapshot, or booted. */
export interface SnapshotReport {
  /** restored: from a stored snapshot; made: booted normally, snapshot taken; off: none kept here. */
  mode: 'restored' | 'made' | 'off';
  /** Why a stored snapshot was not used (it was deleted), or why none was taken. */
  rejected?: string;
  /** Reading it from Cache Storage, and restoring it (memory, files, checks). */
  readMs?: number;
  restoreMs?: number;
  /** Taking it (makeMemorySnapshot and the files). */
  makeMs?: number;
  /** Its size. */
  bytes?: number;
}

/**
 * Python's runtime files received so far, decompressed, against their total size as built (null in
 * `astro dev`): ./download-meter.ts. Only from a worker told to expect a download.
 */
export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
}

/** Messages the page sends to the worker. */
export interface PageToWorker {
  /** `expectDownload`: the page has not seen Python boot in this browser (./runtime-loaded.ts), so the worker measures its download. */
  boot: { baseUrl: string; expectDownload: boolean };
  /**
   * A learner's run waits for this worker's boot: it skips what pays off only later (taking the
   * memory snapshot, the hidden warm-up run), so the run starts sooner. A later boot takes the snapshot.
   */
  runWaiting: Record<string, never>;
  run: RunRequest;
  /** A request the browser itself made (js.fetch, pyfetch), forwarded by MSW to this run's mock API. */
  browserRequest: { requestId: number; request: FetchRequest };
  /** The 401 doctor: read `code` with Python's `ast` (src/doctor/analyze.py); the code is never run. */
  analyze: { requestId: number; code: string };
  /**
   * MSW's page side intercepts the browser's requests now (or could not start): until then the
   * worker holds its browser-made requests to other origins (browser-request-gate.ts).
   */
  browserMock: BrowserMockState;
}

/** Whether MSW answers the requests the browser makes for learner code. */
export type BrowserMockState = { state: 'active' } | { state: 'failed'; message: string };

/** Messages the worker sends to the page. */
export interface WorkerToPage {
  /** A boot step, in words the status line shows; `download` while Python's files arrive from the network. */
  progress: { detail: string; download?: DownloadProgress };
  /**
   * `heapBytes`: wasm memory once booted (the benchmark reports a standby's cost with it);
   * `snapshot`: whether Python was restored from a stored snapshot or booted (and snapshotted).
   */
  booted: { python: string; packages: Record<string, string>; bootMs: number; heapBytes: number; snapshot: SnapshotReport };
  /** Output in order. A flood sends its head live and its tail at the end (see output-buffer.ts). */
  output: { runId: number; chunks: OutputChunk[]; withheld: number; skipped: number };
  /** The mock API answered requests (Python's, or ones the browser made), in order; batched while a run is busy. */
  exchanges: { runId: number; exchanges: Exchange[] };
  /** The answer to a `browserRequest`; null when no mock API exists yet (the page answers a network error). */
  browserResponse: { requestId: number; answer: FetchAnswer | null };
  /** The answer to `analyze`: the analyzer's JSON (src/doctor/types.ts `CodeAnalysis`). */
  analyzed: { requestId: number; json: string };
  /** The learner's code moved the virtual clock (e.g. `time.sleep(3600)` returns at once). */
  clock: { runId: number; advanceMs: number };
  done: {
    runId: number;
    failure: PythonFailure | null;
    /** What the hidden epilogue printed (exercise checks), separate from the learner's output. */
    epilogueOutput: string;
    durationMs: number;
    /** Size of the wasm heap after the run: the client recycles a worker that grew too large. */
    heapBytes: number;
  };
  /** The runtime cannot continue (boot failed, wasm trap); the client re-boots. */
  fatal: { message: string };
}

export type Envelope<M> = { [K in keyof M]: { type: K; version: number; payload: M[K] } }[keyof M];

export function pack<M, K extends keyof M>(type: K, payload: M[K]): Envelope<M> {
  return { type, version: PROTOCOL_VERSION, payload };
}

/** Opens an envelope, rejecting anything that is not a message of this protocol version. */
export function unpack<M>(data: unknown): Envelope<M> {
  const message = data as { type?: unknown; version?: unknown } | null;
  if (!message || typeof message.type !== 'string') throw new Error('not a Fix401 runtime message');
  if (message.version !== PROTOCOL_VERSION)
    throw new Error(`runtime protocol mismatch: got v${String(message.version)}, expected v${PROTOCOL_VERSION} (reload the page)`);
  return message as Envelope<M>;
}
