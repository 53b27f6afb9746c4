/** A fake Python worker that speaks the real protocol; the code it is asked to run says how to behave. */
import { expect, vi } from 'vitest';
import { pack, unpack, type PageToWorker, type WorkerToPage } from '../../../src/runtime/protocol';

export type Behaviour = 'print' | 'loop' | 'fatal' | 'garbage';

export class FakeWorker {
  static created: FakeWorker[] = [];
  /** How long the next workers take to report "booted". */
  static bootMs = 5;
  /** Every message type this worker was sent, in order. */
  readonly received: string[] = [];
  /** What the page's `boot` message said. */
  boot: PageToWorker['boot'] | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  /** Busy with a run that never ends (until it is terminated). */
  looping = false;
  constructor() {
    FakeWorker.created.push(this);
  }
  private send<K extends keyof WorkerToPage>(type: K, payload: WorkerToPage[K], delayMs = 5) {
    setTimeout(() => !this.terminated && this.onmessage?.({ data: pack<WorkerToPage, K>(type, payload) }), delayMs);
  }
  postMessage(data: unknown) {
    const message = unpack<PageToWorker>(data);
    this.received.push(message.type);
    if (message.type === 'boot') this.boot = message.payload;
    if (message.type === 'boot')
      this.send(
        'booted',
        { python: '3.14.2', packages: {}, bootMs: 1, heapBytes: 30 * 1024 * 1024, snapshot: { mode: 'off' } },
        FakeWorker.bootMs,
      );
    if (message.type !== 'run') return;
    const { runId, code } = message.payload;
    const behaviour = code as Behaviour;
    if (behaviour === 'loop') return void (this.looping = true);
    if (behaviour === 'fatal') return this.send('fatal', { message: 'wasm trap' });
    if (behaviour === 'garbage') return void setTimeout(() => this.onmessage?.({ data: { type: 'done', version: 999 } }), 5);
    this.send('output', { runId, chunks: [{ stream: 'stdout', text: `ran ${runId}\n` }], withheld: 0, skipped: 0 });
    this.send('done', { runId, failure: null, epilogueOutput: '', durationMs: 1, heapBytes: 1 });
  }
  terminate() {
    this.terminated = true;
  }
}

export const handlers = () => ({ onOutput: vi.fn(), onClockAdvance: vi.fn(), onExchange: vi.fn() });
export const input = (code: Behaviour) => () => ({ code, env: {}, files: [], virtualNow: 0, server: {} as never });

/** Resolves once some worker is busy with a run that never ends: the runtime has a run under way. */
export const aRunIsLooping = () => vi.waitFor(() => expect(FakeWorker.created.some((w) => w.looping && !w.terminated)).toBe(true));

/** The runtime's status as it changes (its last entry is the status now). */
export function statesOf(runtime: { onStatus(listener: (s: { state: string }) => void): unknown }): string[] {
  const states: string[] = [];
  runtime.onStatus((s) => states.push(s.state));
  return states;
}

/** The runtime module loaded afresh, so each test gets its own singleton. */
export async function freshRuntime() {
  vi.resetModules();
  const { getRuntime } = await import('../../../src/runtime/client');
  return getRuntime();
}
