/**
 * One Python worker, from creation to termination: boots it, reports its boot progress, and hands
 * every other message to whoever owns it now. A standby worker boots with no owner; when it is
 * swapped in, the runtime takes its messages from then on.
 */
import { pack, unpack, type Envelope, type PageToWorker, type WorkerToPage } from './protocol';

export type BootInfo = WorkerToPage['booted'];

export interface WorkerEvents {
  progress(step: WorkerToPage['progress']): void;
  message(message: Envelope<WorkerToPage>): void;
  /** The worker died, reported `fatal`, or sent something that is not a message of this protocol. */
  failed(reason: string): void;
}

export class WorkerHandle {
  readonly ready: Promise<BootInfo>;
  private readonly worker: Worker;
  private events: Partial<WorkerEvents> = {};
  private dead = false;

  /** `expectDownload`: this browser has not booted Python before, so the worker measures the download. */
  constructor(baseUrl: string, expectDownload: boolean) {
    this.worker = new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python' });
    this.ready = new Promise<BootInfo>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent) => {
        let message: Envelope<WorkerToPage>;
        try {
          message = unpack<WorkerToPage>(event.data);
        } catch (error) {
          // A message we cannot read means this worker and this page disagree: it cannot be trusted.
          this.fail(error instanceof Error ? error.message : String(error), reject);
          return;
        }
        if (message.type === 'progress') this.events.progress?.(message.payload);
        else if (message.type === 'booted') resolve(message.payload);
        else if (message.type === 'fatal') this.fail(message.payload.message, reject);
        else this.events.message?.(message);
      };
      this.worker.onerror = (event) => this.fail(`the Python worker failed: ${event.message || 'unknown error'}`, reject);
    });
    // Nobody may be waiting on a standby's boot: its failure is reported through `failed`.
    this.ready.catch(() => undefined);
    this.post('boot', { baseUrl, expectDownload });
  }

  /** Routes this worker's progress, messages and failure to `events` (the runtime, once it owns it). */
  attach(events: WorkerEvents): void {
    this.events = events;
  }

  post<K extends keyof PageToWorker>(type: K, payload: PageToWorker[K]): void {
    this.worker.postMessage(pack<PageToWorker, K>(type, payload));
  }

  terminate(): void {
    this.dead = true;
    this.worker.terminate();
  }

  private fail(reason: string, reject: (e: Error) => void): void {
    if (this.dead) return;
    reject(new Error(reason));
    this.events.failed?.(reason);
  }
}
