/**
 * One exercise's link to the sandbox: its own mock server, the shared MSW interception and the
 * shared Python runtime. A run starts from the scenario's state (tokens, revocations) with the
 * virtual clock at its start plus whatever the learner or the URL moved it by, so the same code
 * always gets the same verdict.
 */
import type { Exchange } from '../mock-api/contract';
import { setActiveServer, startMockApi } from '../mock-api/browser';
import { createMockServer, type MockServer } from '../mock-api/server';
import { getRuntime, type RunHandlers, type RunResult } from '../runtime/client';
import { epilogueFor, judge, type Verdict } from './checks';
import type { Scenario } from './scenario-schema';

export interface RunReport {
  result: RunResult;
  exchanges: Exchange[];
  /** Null when the run was stopped or crashed: there is nothing fair to judge. */
  verdict: Verdict | null;
}

export class RunSession {
  readonly server: MockServer;
  /** How far the learner (or the `clock=` URL option) moved the clock past the scenario's start. */
  clockOffsetMs = 0;

  constructor(private readonly scenario: Scenario) {
    this.server = createMockServer(scenario.server);
  }

  /** Gets interception and Python ready without running anything (pre-boot). */
  async prepare(): Promise<void> {
    // In this order: the Python worker must be created once the mock's service worker controls the page.
    await startMockApi();
    await getRuntime().boot();
  }

  /** Runs the reference solution silently (for the inspector's "compare with a working request"). */
  async referenceExchanges(): Promise<Exchange[]> {
    const { exchanges } = await this.run(this.scenario.solution, { onOutput: () => {} });
    return exchanges;
  }

  async run(code: string, handlers: Pick<RunHandlers, 'onOutput'> & { onExchange?: (e: Exchange) => void }): Promise<RunReport> {
    await startMockApi();
    const runtime = getRuntime();
    const exchanges: Exchange[] = [];
    let output = '';
    let unsubscribe = () => {};
    const result = await runtime.run(
      // Built when the run really starts (after any queued run): this exercise owns the mock now.
      () => {
        this.server.reset();
        this.server.clock.advance(this.clockOffsetMs);
        setActiveServer(this.server);
        unsubscribe = this.server.onExchange((e) => {
          exchanges.push(e);
          handlers.onExchange?.(e);
        });
        return {
          code,
          env: this.scenario.env,
          files: this.scenario.files,
          epilogue: epilogueFor(this.scenario.checks),
          virtualNow: this.server.clock.now(),
        };
      },
      {
        onOutput: (chunks, dropped) => {
          output += chunks.map((c) => c.text).join('');
          handlers.onOutput(chunks, dropped);
        },
        onClockAdvance: (ms) => this.server.clock.advance(ms),
      },
      this.scenario.timeLimitSeconds * 1000,
    );
    unsubscribe();
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
