/**
 * The worker's exchanges on their way to the page, in batches: a run of many requests posts one
 * message per interval instead of one structured clone and one page task per request. The worker is
 * blocked in Python while it runs, so no timer could fire: each exchange checks the time itself.
 * The first exchange of a quiet spell goes at once, so a request just before a runaway loop is
 * already in the HTTP log when the learner presses Stop (which ends the worker and what it held).
 */
import type { Exchange } from '../mock-api/contract';

export class ExchangeBatch {
  private pending: Exchange[] = [];
  private lastSent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: (exchanges: Exchange[]) => void,
    private readonly intervalMs: number,
  ) {}

  push(exchange: Exchange): void {
    this.pending.push(exchange);
    if (performance.now() - this.lastSent >= this.intervalMs) this.flush();
  }

  /** Sends what is pending now (before `done`, so a run's exchanges always precede its end). */
  flush(): void {
    this.lastSent = performance.now();
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.send(batch);
  }
}
