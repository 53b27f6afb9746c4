/**
 * Page side of the Python runtime: one worker per tab, shared by every editor on the page.
 * Boots it (with progress), runs code one request at a time, and stops a run by terminating the
 * worker (the only way without cross-origin isolation). After the first Run a standby worker boots
 * when the page is idle, so Stop, the time limit and a crash swap in a ready Python at once.
 */
import type { FetchAnswer, FetchRequest } from '../mock-api/server';
import { PendingReplies } from './pending-replies';
import { rememberRuntimeLoaded, runtimeLoadedBefore } from './runtime-loaded';
import type { BrowserMockState, Envelope, WorkerToPage } from './protocol';
import { cutShort, type RunHandlers, type RunInput, type RunResult, type RuntimeStatus } from './run-types';
import { Standby } from './standby';
import { standbyAllowed } from './standby-policy';
import { WorkerHandle } from './worker-handle';

/** Real time a run may take unless the caller says otherwise (learner code can loop forever). */
const DEFAULT_TIME_LIMIT_MS = 30_000;
/** wasm memory never shrinks: past this, the worker is replaced after the run. */
const RECYCLE_HEAP_BYTES = 768 * 1024 * 1024;

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

class PythonRuntime {
  private current: WorkerHandle | null = null;
  private booted: Promise<void> | null = null;
  /** Whether MSW answers browser-made requests yet; every worker is told (they hold such requests until then). */
  private browserMock: BrowserMockState | null = null;
  private readonly standby = new Standby(() => this.createWorker());
  /** Set by the first Run: a page where nobody runs code never pays for a standby. */
  private standbyWanted = false;
  private active: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRunId = 1;
  private waiting = new Set<WaitingRun>();
  private status: RuntimeStatus = { state: 'idle' };
  private listeners = new Set<(s: RuntimeStatus) => void>();
  /** Browser-made requests waiting for the worker's mock API to answer. */
  private browserRequests = new PendingReplies<FetchAnswer | null>();
  /** Code analyses (the 401 doctor) waiting for the worker's answer. */
  private analyses = new PendingReplies<string>();

  /** Subscribe to boot progress and readiness; called at once with the current status. */
  onStatus(listener: (s: RuntimeStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Starts a worker if needed (the standby when there is one); resolves when Python and requests are ready. */
  boot(): Promise<void> {
    if (this.booted) return this.booted;
    const handle = this.standby.take() ?? this.createWorker();
    this.current = handle;
    this.setStatus({ state: 'booting', detail: 'Starting Python…' });
    handle.attach({
      progress: (step) => this.current === handle && this.setStatus({ state: 'booting', ...step }),
      message: (message) => this.current === handle && this.receive(message),
      failed: (reason) => this.current === handle && this.crash(reason),
    });
    this.booted = handle.ready.then((info) => {
      if (this.current !== handle) return;
      rememberRuntimeLoaded();
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
        const booting = this.boot();
        // Python is still starting: it should be ready for this run before anything else.
        if (this.status.state === 'booting') this.current?.post('runWaiting', {});
        await booting;
      } finally {
        this.waiting.delete(waiting);
      }
      if (waiting.cancelled) return cutShort('stopped');
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
    return this.browserRequests.ask((requestId) => handle.post('browserRequest', { requestId, request }));
  }

  /** MSW's page side is active (or failed to start): workers stop holding learner code's browser-made requests. */
  setBrowserMock(state: BrowserMockState): void {
    this.browserMock = state;
    this.current?.post('browserMock', state);
    this.standby.post('browserMock', state);
  }

  /** Reads code with the worker's Python `ast` (src/doctor/analyze.py), never running it; resolves with its JSON. */
  async analyze(code: string): Promise<string> {
    await this.boot();
    const handle = this.current!;
    return this.analyses.ask((requestId) => handle.post('analyze', { requestId, code }));
  }

  /** The learner pressed Stop: the run under way ends at once, and runs queued behind it never start. */
  stop(): void {
    for (const waiting of this.waiting) waiting.cancelled = true;
    this.interrupt('stopped');
  }

  /**
   * The page is going away (or into the back-forward cache): end every worker and run now. If the
   * page comes back, the next Run boots Python again.
   */
  shutDown(): void {
    for (const waiting of this.waiting) waiting.cancelled = true;
    if (this.active) this.finish(cutShort('stopped'));
    this.discardCurrent();
    this.standby.discard();
    this.setStatus({ state: 'idle' });
  }

  /** Ends the run under way (Stop or its time limit); other exercises' queued runs keep their turn. */
  private interrupt(outcome: 'stopped' | 'timed-out') {
    if (!this.active) return;
    this.finish(cutShort(outcome));
    this.replaceCurrent();
  }

  /** Terminates the current worker and boots its successor: the standby, ready at once, when there is one. */
  private replaceCurrent() {
    this.discardCurrent();
    void this.boot().catch(() => undefined);
  }

  private discardCurrent() {
    // A replaced worker will never answer: its pending browser requests fail as network errors.
    this.browserRequests.answerAll(null);
    this.current?.terminate();
    this.current = null;
    this.booted = null;
  }

  private createWorker(): WorkerHandle {
    const handle = new WorkerHandle(import.meta.env.BASE_URL, !runtimeLoadedBefore());
    if (this.browserMock) handle.post('browserMock', this.browserMock);
    return handle;
  }

  /** Boots a standby when the page is idle, once a Run has shown it is wanted and the device can afford it. */
  private prepareStandby() {
    if (!this.standbyWanted || !standbyAllowed()) return;
    // Not while code runs or the runtime that replaced a stopped one boots: on two cores it slows both.
    this.standby.prepare(() => this.current !== null && this.status.state === 'ready' && this.active === null);
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
    this.finish(cutShort('crashed', message));
    this.discardCurrent();
    // After a crash mid-run, boot again at once; after a failed boot, the next run retries.
    if (wasRunning) void this.boot().catch(() => undefined);
  }

  private receive(message: Envelope<WorkerToPage>) {
    const active = this.active;
    switch (message.type) {
      case 'output':
        if (message.payload.runId === active?.runId) active.handlers.onOutput(message.payload);
        break;
      case 'exchanges':
        if (message.payload.runId === active?.runId) for (const e of message.payload.exchanges) active.handlers.onExchange(e);
        break;
      case 'clock':
        if (message.payload.runId === active?.runId) active.handlers.onClockAdvance(message.payload.advanceMs);
        break;
      case 'browserResponse':
        this.browserRequests.answer(message.payload.requestId, message.payload.answer);
        break;
      case 'analyzed':
        this.analyses.answer(message.payload.requestId, message.payload.json);
        break;
      case 'done':
        if (message.payload.runId === active?.runId) {
          const { failure, epilogueOutput, heapBytes } = message.payload;
          this.finish({ outcome: failure ? 'failed' : 'finished', failure, epilogueOutput });
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
    // background), rather than keep them in a page kept in the back-forward cache. A page restored
    // from it boots again on its next Run. (Firefox logs a cut-off script load either way: decision 0002.)
    globalThis.addEventListener?.('pagehide', () => created.shutDown());
  }
  return runtime;
}
