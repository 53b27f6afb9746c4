/** What the page-side runtime (client.ts) tells its callers: its status, and how a run went. */
import type { Exchange } from '../mock-api/contract';
import type { OutputBatch } from './output-buffer';
import type { DownloadProgress, RunRequest, WorkerToPage } from './protocol';

export type RuntimeStatus =
  | { state: 'idle' }
  | { state: 'booting'; detail: string; download?: DownloadProgress }
  | { state: 'ready'; python: string; packages: Record<string, string>; bootMs: number }
  | { state: 'failed'; message: string };

export interface RunHandlers {
  onOutput(batch: OutputBatch): void;
  onClockAdvance(ms: number): void;
  /** The run's mock API answered a request (Python's or the browser's). */
  onExchange(exchange: Exchange): void;
}

export interface RunResult {
  outcome: 'finished' | 'failed' | 'stopped' | 'timed-out' | 'crashed';
  failure: WorkerToPage['done']['failure'];
  epilogueOutput: string;
  /** Set when outcome is 'crashed': what the runtime reported before it was replaced. */
  crashMessage?: string;
}

export type RunInput = Omit<RunRequest, 'runId'>;

/** A run that ended before Python finished it (stopped, timed out, crashed): no failure, no epilogue. */
export const cutShort = (outcome: 'stopped' | 'timed-out' | 'crashed', crashMessage?: string): RunResult => ({
  outcome,
  failure: null,
  epilogueOutput: '',
  ...(crashMessage === undefined ? {} : { crashMessage }),
});
