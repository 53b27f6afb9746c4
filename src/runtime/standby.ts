/**
 * The standby: a second Python worker booted in advance while the page is idle. It replaces the
 * current worker when that one must go (Stop, the time limit, a crash), so Python is ready at once.
 */
import type { PageToWorker } from './protocol';
import type { WorkerHandle } from './worker-handle';

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 5000 }) : setTimeout(fn, 1000);

export class Standby {
  private handle: WorkerHandle | null = null;

  /** `create` starts a worker (the runtime's, so it is told what every worker must know). */
  constructor(private readonly create: () => WorkerHandle) {}

  /** Boots one when the page is next idle, if `stillWanted()` says so then (none while code runs). */
  prepare(stillWanted: () => boolean): void {
    if (this.handle) return;
    idle(() => {
      if (this.handle || !stillWanted()) return;
      const handle = this.create();
      this.handle = handle;
      // A standby that fails to boot is dropped; the next swap boots a fresh worker instead.
      handle.attach({ progress: () => {}, message: () => {}, failed: () => this.handle === handle && this.discard() });
    });
  }

  /** Hands the standby over (booted or still booting), or null when there is none. */
  take(): WorkerHandle | null {
    const handle = this.handle;
    this.handle = null;
    return handle;
  }

  /** Sends a message to the standby, if there is one (booted or booting). */
  post<K extends keyof PageToWorker>(type: K, payload: PageToWorker[K]): void {
    this.handle?.post(type, payload);
  }

  discard(): void {
    this.handle?.terminate();
    this.handle = null;
  }
}
