/**
 * Page side of the Python runtime: one worker per tab, shared by every editor on the page.
 * Boots it (with progress), runs code one request at a time, and stops a run by terminating the
 * worker and booting a fresh one (the only way without cross-origin isolation).
 */
import type { Exchange } from '../mock-api/contract';
import type { FetchAnswer, FetchRequest } from '../mock-api/server';
import type { OutputBatch } from './output-buffer';
import { pack, unpack, type PageToWorker, type RunRequest, type WorkerToPage } from './protocol';

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

class PythonRuntime {
  private worker: Worker | null = null;
  private booted: Promise<void> | null = null;
  private active: ActiveRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRunId = 1;
  /** Runs waiting for their turn (or for boot) that Stop should cancel before they start. */
  private waiting = 0;
  private cancelWaiting = false;
  private status: RuntimeStatus = { state: 'idle' };
  private listeners = new Set<(s: RuntimeStatus) => void>();
  /** Browser-made requests waiting for the worker's mock API to answer. */
  private browserRequests = new Map<number, (answer: FetchAnswer | null) => void>();
  private nextBrowserRequestId = 1;

  /** Subscribe to boot progress and readiness; called at once with the current status. */
  onStatus(listener: (s: RuntimeStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  get currentStatus(): RuntimeStatus {
    return this.status;
  }

  /** Starts the worker if needed; resolves when Python and requests are ready. */
  boot(): Promise<void> {
    this.booted ??= new Promise<void>((resolve, reject) => {
      this.setStatus({ state: 'booting', detail: 'Starting Python…' });
      const worker = new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python' });
      this.worker = worker;
      worker.onmessage = (event) => this.receive(event.data, resolve, reject);
      worker.onerror = (event) => this.crash(`the Python worker failed: ${event.message || 'unknown error'}`, reject);
      worker.postMessage(pack<PageToWorker, 'boot'>('boot', { baseUrl: import.meta.env.BASE_URL }));
    });
    return this.booted;
  }

  /**
   * Runs code after any run already under way; resolves when it ends (or is stopped).
   * `makeInput` is called when this run's turn comes, so it can claim shared state (the mock API).
   */
  run(makeInput: () => RunInput, handlers: RunHandlers, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Promise<RunResult> {
    this.waiting++;
    const result = this.queue.then(async () => {
      try {
        await this.boot();
      } finally {
        this.waiting--;
      }
      if (this.cancelWaiting) {
        if (this.waiting === 0) this.cancelWaiting = false;
        return { outcome: 'stopped', failure: null, epilogueOutput: '', durationMs: 0 } satisfies RunResult;
      }
      return new Promise<RunResult>((resolve) => {
        const runId = this.nextRunId++;
        const limit = Number.isFinite(timeLimitMs) && timeLimitMs > 0 ? timeLimitMs : DEFAULT_TIME_LIMIT_MS;
        const timer = setTimeout(() => this.interrupt('timed-out'), limit);
        this.active = { runId, handlers, resolve, timer };
        this.worker!.postMessage(pack<PageToWorker, 'run'>('run', { ...makeInput(), runId }));
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
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const requestId = this.nextBrowserRequestId++;
    return new Promise((resolve) => {
      this.browserRequests.set(requestId, resolve);
      worker.postMessage(pack<PageToWorker, 'browserRequest'>('browserRequest', { requestId, request }));
    });
  }

  /** Ends the current run at once: the worker is replaced by a freshly booted one. */
  stop(): void {
    this.interrupt('stopped');
  }

  private interrupt(outcome: 'stopped' | 'timed-out') {
    // A run still waiting for Python to boot is cancelled before it starts.
    if (this.waiting > 0) this.cancelWaiting = true;
    if (!this.active) return;
    this.finish({ outcome, failure: null, epilogueOutput: '', durationMs: 0 });
    this.restart();
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** A replaced worker will never answer: its pending browser requests fail as network errors. */
  private dropBrowserRequests() {
    for (const resolve of this.browserRequests.values()) resolve(null);
    this.browserRequests.clear();
  }

  private restart() {
    this.dropBrowserRequests();
    this.worker?.terminate();
    this.worker = null;
    this.booted = null;
    void this.boot().catch(() => undefined);
  }

  private finish(result: RunResult) {
    const active = this.active;
    this.active = null;
    if (active) clearTimeout(active.timer);
    active?.resolve(result);
  }

  /** The worker died or reported a fatal error: end the run, and start a fresh runtime. */
  private crash(message: string, reject?: (e: Error) => void) {
    this.setStatus({ state: 'failed', message });
    reject?.(new Error(message));
    const wasRunning = this.active !== null;
    this.finish({ outcome: 'crashed', failure: null, epilogueOutput: '', durationMs: 0, crashMessage: message });
    this.dropBrowserRequests();
    this.worker?.terminate();
    this.worker = null;
    this.booted = null;
    // After a crash mid-run, boot again at once; after a failed boot, the next run retries.
    if (wasRunning) void this.boot().catch(() => undefined);
  }

  private receive(data: unknown, resolveBoot: () => void, rejectBoot: (e: Error) => void) {
    const message = unpack<WorkerToPage>(data);
    switch (message.type) {
      case 'progress':
        this.setStatus({ state: 'booting', detail: message.payload.detail });
        break;
      case 'booted':
        this.setStatus({ state: 'ready', ...message.payload });
        resolveBoot();
        break;
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
      case 'clock':
        if (message.payload.runId === this.active?.runId) this.active.handlers.onClockAdvance(message.payload.advanceMs);
        break;
      case 'done':
        if (message.payload.runId === this.active?.runId) {
          const { failure, epilogueOutput, durationMs, heapBytes } = message.payload;
          this.finish({ outcome: failure ? 'failed' : 'finished', failure, epilogueOutput, durationMs });
          if (heapBytes > RECYCLE_HEAP_BYTES) this.restart();
        }
        break;
      case 'fatal':
        this.crash(message.payload.message, rejectBoot);
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
  runtime ??= new PythonRuntime();
  return runtime;
}

export type { PythonRuntime };
