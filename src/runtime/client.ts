/**
 * Page side of the Python runtime: one worker per tab, shared by every editor on the page.
 * Boots it (with progress), runs code one request at a time, and stops a run by terminating the
 * worker (the only way without cross-origin isolation). After the first Run a standby worker boots
 * when the page is idle, so Stop, the time limit and a crash swap in a ready Python at once.
 */
import type { Exchange } from '../mock-api/contract';
import type { FetchAnswer, FetchRequest } from '../mock-api/server';
import type { OutputBatch } from './output-buffer';
import type { Envelope, RunRequest, WorkerToPage } from './protocol';
import { standbyAllowed } from './standby-policy';
import { WorkerHandle } from './worker-handle';

export type RuntimeStatus =
  | { state: 'idle' }
  | { state: 'booting'; detail: string }
  | { state: 'ready'; python: string; packages: Record<string, string>; bootMs: number }
  | { state: 'failed'; message: string };

export interface RunHandlers {
  onOutput(batch: OutputBatch): void;
  onClockAdvance(ms: number): void;
  /** The run's mock API answered a request (Python's or the browser's). */
  onExchange(exchange: Exchange): void;
}

/** Real time a run may take unless the caller says otherwise (learner code can loop forever). */
const DEFAULT_TIME_LIMIT_MS = 30_000;
/** wasm memory never shrinks: past this, the worker is replaced after the run. */
const RECYCLE_HEAP_BYTES = 768 * 1024 * 1024;

export interface RunResult {
  outcome: 'finished' | 'failed' | 'stopped' | 'timed-out' | 'crashed';
  failure: WorkerToPage['done']['failure'];
  epilogueOutput: string;
  durationMs: number;
  /** Set when outcome is 'crashed': what the runtime reported before it was replaced. */
  crashMessage?: string;
}

type RunInput = Omit<RunRequest, 'runId'>;

interface ActiveRun {
  runId: number;
  handlers: RunHandlers;
  resolve(result: RunResult): void;
  timer: ReturnType<typeof setTimeout>;
}

/** A run waiting for its turn or for Python to boot; Stop cancels it before it starts. */
interface WaitingRun {
  cancelled: boolean;
}

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 1000);

class PythonRuntime {
  private current: WorkerHandle | null = null;
  private booted: Promise<void> | null = null;
  /** A second worker, booted in advance, that replaces `current` when it must go. */
  private standby: WorkerHandle | null = null;
  /** Set by the first Run: a page where nobody runs code never pays for a standby. */
  private standbyWanted = false;
  private active: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRunId = 1;
  private waiting = new Set<WaitingRun>();
  private status: RuntimeStatus = { state: 'idle' };
  private listeners = new Set<(s: RuntimeStatus) => void>();
  /** Browser-made requests waiting for the worker's mock API to answer. */
  private browserRequests = new Map<number, (answer: FetchAnswer | null) => void>();
  private nextBrowserRequestId = 1;
  /** Code analyses (the 401 doctor) waiting for the worker's answer. */
  private analyses = new Map<number, (json: string) => void>();
  private nextAnalysisId = 1;

  /** Subscribe to boot progress and readiness; called at once with the current status. */
  onStatus(listener: (s: RuntimeStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  get currentStatus(): RuntimeStatus {
    return this.status;
  }

  /** True once a standby worker exists (booting or booted); for the benchmark and tests. */
  get hasStandby(): boolean {
    return this.standby !== null;
  }

  /** Starts a worker if needed (the standby when there is one); resolves when Python and requests are ready. */
  boot(): Promise<void> {
    if (this.booted) return this.booted;
    const handle = this.standby ?? new WorkerHandle(import.meta.env.BASE_URL);
    this.standby = null;
    this.current = handle;
    this.setStatus({ state: 'booting', detail: 'Starting Python…' });
    handle.attach({
      progress: (detail) => this.current === handle && this.setStatus({ state: 'booting', detail }),
      message: (message) => this.current === handle && this.receive(message),
      failed: (reason) => this.current === handle && this.crash(reason),
    });
    this.booted = handle.ready.then((info) => {
      if (this.current !== handle) return;
      this.setStatus({ state: 'ready', ...info });
      this.prepareStandby();
    });
    return this.booted;
  }

  /**
   * Runs code after any run already under way; resolves when it ends (or is stopped).
   * `makeInput` is called when this run's turn comes, so it can claim shared state (the mock API).
   */
  run(makeInput: () => RunInput, handlers: RunHandlers, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Promise<RunResult> {
    this.standbyWanted = true;
    const waiting: WaitingRun = { cancelled: false };
    this.waiting.add(waiting);
    const result = this.queue.then(async () => {
      try {
        await this.boot();
      } finally {
        this.waiting.delete(waiting);
      }
      if (waiting.cancelled) return { outcome: 'stopped', failure: null, epilogueOutput: '', durationMs: 0 } satisfies RunResult;
      return new Promise<RunResult>((resolve) => {
        const runId = this.nextRunId++;
        const limit = Number.isFinite(timeLimitMs) && timeLimitMs > 0 ? timeLimitMs : DEFAULT_TIME_LIMIT_MS;
        const timer = setTimeout(() => this.interrupt('timed-out'), limit);
        this.active = { runId, handlers, resolve, timer };
        this.current!.post('run', { ...makeInput(), runId });
      });
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Answers a request the browser made (MSW forwards it) from the mock API of the run under way, or
   * of the last run; null when there is none (a network error for the caller).
   */
  browserRequest(request: FetchRequest): Promise<FetchAnswer | null> {
    const handle = this.current;
    if (!handle) return Promise.resolve(null);
    const requestId = this.nextBrowserRequestId++;
    return new Promise((resolve) => {
      this.browserRequests.set(requestId, resolve);
      handle.post('browserRequest', { requestId, request });
    });
  }

  /** Reads code with the worker's Python `ast` (src/doctor/analyze.py), never running it; resolves with its JSON. */
  async analyze(code: string): Promise<string> {
    await this.boot();
    const handle = this.current!;
    const requestId = this.nextAnalysisId++;
    return new Promise((resolve) => {
      this.analyses.set(requestId, resolve);
      handle.post('analyze', { requestId, code });
    });
  }

  /** The learner pressed Stop: the run under way ends at once, and runs queued behind it never start. */
  stop(): void {
    for (const waiting of this.waiting) waiting.cancelled = true;
    this.interrupt('stopped');
  }

  /** Ends the run under way (Stop or its time limit); other exercises' queued runs keep their turn. */
  private interrupt(outcome: 'stopped' | 'timed-out') {
    if (!this.active) return;
    this.finish({ outcome, failure: null, epilogueOutput: '', durationMs: 0 });
    this.replaceCurrent();
  }

  get running(): boolean {
    return this.active !== null;
  }

  /**
   * The page is going away (or into the back-forward cache): end every worker and run now. If the
   * page comes back, the next Run boots Python again.
   */
  shutDown(): void {
    for (const waiting of this.waiting) waiting.cancelled = true;
    if (this.active) this.finish({ outcome: 'stopped', failure: null, epilogueOutput: '', durationMs: 0 });
    this.discardCurrent();
    this.standby?.terminate();
    this.standby = null;
    this.setStatus({ state: 'idle' });
  }

  /** Terminates the current worker and boots its successor: the standby, ready at once, when there is one. */
  private replaceCurrent() {
    this.discardCurrent();
    void this.boot().catch(() => undefined);
  }

  private discardCurrent() {
    // A replaced worker will never answer: its pending browser requests fail as network errors.
    for (const resolve of this.browserRequests.values()) resolve(null);
    this.browserRequests.clear();
    this.current?.terminate();
    this.current = null;
    this.booted = null;
  }

  /** Boots a standby when the page is idle, once a Run has shown it is wanted and the device can afford it. */
  private prepareStandby() {
    if (!this.standbyWanted || this.standby || !standbyAllowed()) return;
    idle(() => {
      // Not while code runs: on two cores a booting standby would slow the learner's run.
      if (this.standby || !this.current || this.active) return;
      const handle = new WorkerHandle(import.meta.env.BASE_URL);
      this.standby = handle;
      const drop = () => {
        if (this.standby !== handle) return;
        handle.terminate();
        this.standby = null;
      };
      handle.attach({ progress: () => {}, message: () => {}, failed: drop });
    });
  }

  private finish(result: RunResult) {
    const active = this.active;
    this.active = null;
    if (active) clearTimeout(active.timer);
    active?.resolve(result);
    this.prepareStandby();
  }

  /** The worker died or reported a fatal error: end the run, and start a fresh runtime. */
  private crash(message: string) {
    this.setStatus({ state: 'failed', message });
    const wasRunning = this.active !== null;
    this.finish({ outcome: 'crashed', failure: null, epilogueOutput: '', durationMs: 0, crashMessage: message });
    this.discardCurrent();
    // After a crash mid-run, boot again at once; after a failed boot, the next run retries.
    if (wasRunning) void this.boot().catch(() => undefined);
  }

  private receive(message: Envelope<WorkerToPage>) {
    switch (message.type) {
      case 'output':
        if (message.payload.runId === this.active?.runId) this.active.handlers.onOutput(message.payload);
        break;
      case 'exchange':
        if (message.payload.runId === this.active?.runId) this.active.handlers.onExchange(message.payload.exchange);
        break;
      case 'browserResponse':
        this.browserRequests.get(message.payload.requestId)?.(message.payload.answer);
        this.browserRequests.delete(message.payload.requestId);
        break;
      case 'analyzed':
        this.analyses.get(message.payload.requestId)?.(message.payload.json);
        this.analyses.delete(message.payload.requestId);
        break;
      case 'clock':
        if (message.payload.runId === this.active?.runId) this.active.handlers.onClockAdvance(message.payload.advanceMs);
        break;
      case 'done':
        if (message.payload.runId === this.active?.runId) {
          const { failure, epilogueOutput, durationMs, heapBytes } = message.payload;
          this.finish({ outcome: failure ? 'failed' : 'finished', failure, epilogueOutput, durationMs });
          if (heapBytes > RECYCLE_HEAP_BYTES) this.replaceCurrent();
        }
        break;
    }
  }

  private setStatus(status: RuntimeStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

let runtime: PythonRuntime | null = null;

/** The tab's one Python runtime, created on first use. */
export function getRuntime(): PythonRuntime {
  if (!runtime) {
    const created = new PythonRuntime();
    runtime = created;
    // Leaving the page: stop the workers, whose Python may still be loading (a standby boots in the
    // background). Their loads would be cut off mid-way, which Firefox reports as a page error.
    globalThis.addEventListener?.('pagehide', () => created.shutDown());
  }
  return runtime;
}

export type { PythonRuntime };
