/**
 * One exercise's link to the sandbox: its virtual clock, the shared MSW interception (browser-made
 * requests) and the shared Python runtime, whose worker builds the mock API afresh for every run.
 * A run starts from the scenario's state (tokens, revocations) with the virtual clock at its start
 * plus whatever the learner or the URL moved it by, so the same code always gets the same verdict.
 *
 * A Run waits for nothing but the service worker's control of the page (the Python worker must
 * inherit it) and Python itself: MSW's page side (≈ 140 KB) starts after the run's first output,
 * and until it is active the worker holds the browser-made requests of learner code, which no run
 * could have had answered sooner (the worker answers them between runs). The first run's end waits
 * for the rest of MSW's start (at most BROWSER_MOCK_WAIT_MS).
 */
import type { Exchange } from '../mock-api/contract';
import { controlPage, setBrowserRequestHandler, startMockApi } from '../mock-api/browser';
import { createClock, type VirtualClock } from '../mock-api/clock';
import { getRuntime } from '../runtime/client';
import type { RunHandlers, RunResult } from '../runtime/run-types';
import { epilogueFor, judge, type Verdict } from './checks';
import type { Scenario } from './scenario-schema';

let browserMock: Promise<void> | null = null;
/** The longest a run's end waits for MSW's page side to finish starting (it never blocks a run). */
const BROWSER_MOCK_WAIT_MS = 3000;

/** Starts MSW's page side once per page, and tells the runtime's workers when it is on (or why not). */
function startBrowserMock(): void {
  browserMock ??= startMockApi().then(
    () => getRuntime().setBrowserMock({ state: 'active' }),
    (error: unknown) => getRuntime().setBrowserMock({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

/** MSW's page side has started (or failed to), or BROWSER_MOCK_WAIT_MS have passed. */
async function browserMockStarted(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, BROWSER_MOCK_WAIT_MS)));
  await Promise.race([browserMock, limit]);
  clearTimeout(timer);
}

export interface RunReport {
  result: RunResult;
  exchanges: Exchange[];
  /** Null when the run was stopped or crashed: there is nothing fair to judge. */
  verdict: Verdict | null;
}

/** The virtual clock as the page may see it: read and watched, moved only through the session. */
export interface ClockReading {
  now(): number;
  /** Called after every change with the new time; returns unsubscribe. */
  onChange(listener: (now: number) => void): () => void;
}

export class RunSession {
  /** The exercise's virtual clock as the page shows it; each run's mock API starts from it. */
  readonly clock: ClockReading;
  private readonly virtualClock: VirtualClock;
  private readonly clockStart: number;

  /** `clockOffsetMs`: how far the `clock=` link option moves the clock past the scenario's start. */
  constructor(
    private readonly scenario: Scenario,
    private clockOffsetMs = 0,
  ) {
    this.clockStart = Date.parse(scenario.server.clockStart);
    this.virtualClock = createClock(this.clockStart + clockOffsetMs);
    this.clock = { now: () => this.virtualClock.now(), onChange: (listener) => this.virtualClock.onChange(listener) };
  }

  /** Moves the clock for this and the next runs (the inspector's clock control). */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
    this.virtualClock.advance(ms);
  }

  /** Stops the run under way, and every run queued behind it (the runtime is shared by the page). */
  stop(): void {
    getRuntime().stop();
  }

  /** Gets the service worker in control and Python ready without running anything (the learner reached for the exercise). */
  async prepare(): Promise<void> {
    // In this order: the Python worker must be created once the mock's service worker controls the page.
    await controlPage();
    await getRuntime().boot();
  }

  /** Runs the reference solution silently (for the inspector's "compare with a working request"). */
  async referenceExchanges(): Promise<Exchange[]> {
    const { exchanges } = await this.run(this.scenario.solution, { onOutput: () => {} });
    return exchanges;
  }

  async run(code: string, handlers: Pick<RunHandlers, 'onOutput'> & { onExchange?: (e: Exchange) => void }): Promise<RunReport> {
    await controlPage();
    const runtime = getRuntime();
    const exchanges: Exchange[] = [];
    let output = '';
    setBrowserRequestHandler((request) => runtime.browserRequest(request));
    const result = await runtime
      .run(
        // Built when the run really starts (after any queued run): the clock restarts from the scenario.
        () => {
          this.virtualClock.set(this.clockStart + this.clockOffsetMs);
          return {
            code,
            env: this.scenario.env,
            files: this.scenario.files,
            epilogue: epilogueFor(this.scenario.checks),
            virtualNow: this.virtualClock.now(),
            server: this.scenario.server,
          };
        },
        {
          onOutput: (batch) => {
            output += batch.chunks.map((c) => c.text).join('');
            handlers.onOutput(batch);
            startBrowserMock();
          },
          onClockAdvance: (ms) => this.virtualClock.advance(ms),
          onExchange: (e) => {
            exchanges.push(e);
            handlers.onExchange?.(e);
          },
        },
        this.scenario.timeLimitSeconds * 1000,
      )
      .finally(startBrowserMock); // a run that printed nothing: now, when the worker is free to answer
    // The first run's end (not its output) waits for the rest of MSW's start, so a page left right
    // after it does not cut MSW's load off (Firefox reports that as a page error).
    await browserMockStarted();
    const judged = result.outcome === 'finished' || result.outcome === 'failed';
    const verdict = judged
      ? judge(this.scenario.checks, {
          source: code,
          output: output + (result.failure?.traceback ?? ''),
          failureType: result.failure?.type ?? null,
          exchanges,
          epilogueOutput: result.epilogueOutput,
        })
      : null;
    return { result, exchanges, verdict };
  }
}
