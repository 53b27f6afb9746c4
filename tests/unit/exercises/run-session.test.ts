/**
 * The run session owns the exercise's virtual clock: the page reads and watches it, moves it only
 * through the session, and every run starts from the scenario's start plus the link's offset plus
 * the learner's moves, whatever the previous run did to it. A run does not wait for MSW's page
 * side, which starts after the first output. The runtime and MSW are stubbed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunHandlers, RunInput } from '../../../src/runtime/run-types';
import type { Scenario } from '../../../src/exercises/scenario-schema';

const runs: RunInput[] = [];
/** What happened, in order: the run posted, its output, MSW started, MSW reported to the runtime. */
const events: string[] = [];
/** MSW's page side starting: resolved by a test, or never. */
let mswStarted: PromiseWithResolvers<undefined> | null = null;
vi.mock('../../../src/mock-api/browser', () => ({
  controlPage: async () => {},
  startMockApi: () => {
    events.push('msw starts');
    return mswStarted ? mswStarted.promise : Promise.resolve();
  },
  setBrowserRequestHandler: () => {},
}));
vi.mock('../../../src/runtime/client', () => ({
  getRuntime: () => ({
    browserRequest: async () => null,
    setBrowserMock: (state: { state: string }) => events.push(`runtime told: msw ${state.state}`),
    // A run whose Python prints, then sleeps an hour: the virtual clock moves, then the run finishes.
    run: async (makeInput: () => RunInput, handlers: RunHandlers) => {
      runs.push(makeInput());
      events.push('run posted');
      handlers.onOutput({ chunks: [{ stream: 'stdout', text: 'hi\n' }], withheld: 0, skipped: 0 });
      handlers.onClockAdvance(3_600_000);
      return { outcome: 'finished', failure: null, epilogueOutput: '' };
    },
  }),
}));
const { RunSession } = await import('../../../src/exercises/run-session');

const START = Date.parse('2026-01-15T10:00:00Z');
const scenario = {
  server: { clockStart: '2026-01-15T10:00:00Z' },
  env: {},
  files: [],
  checks: [],
  solution: '',
  timeLimitSeconds: 30,
} as unknown as Scenario;

beforeEach(() => {
  runs.length = 0;
  events.length = 0;
});

describe('RunSession clock', () => {
  it('starts at the scenario start plus the link offset, and the page sees every change', async () => {
    const session = new RunSession(scenario, 2 * 3_600_000);
    expect(session.clock.now()).toBe(START + 2 * 3_600_000);
    const seen: number[] = [];
    session.clock.onChange((now) => seen.push(now));
    await session.run('', { onOutput: () => {} });
    expect(runs[0]!.virtualNow).toBe(START + 2 * 3_600_000);
    expect(session.clock.now()).toBe(START + 3 * 3_600_000);
    expect(seen.at(-1)).toBe(START + 3 * 3_600_000);
  });

  it('gives the page no way to set it: a move goes through the session and lasts for later runs', async () => {
    const session = new RunSession(scenario);
    expect(Object.keys(session.clock).sort()).toEqual(['now', 'onChange']);
    await session.run('', { onOutput: () => {} });
    session.advanceClock(60_000);
    await session.run('', { onOutput: () => {} });
    // The second run starts from the scenario's start plus the move, not where the first run left it.
    expect(runs.map((r) => r.virtualNow)).toEqual([START, START + 60_000]);
  });
});

describe('RunSession and MSW', () => {
  it("a Run waits for no MSW: its page side starts after the run's first output, once per page; the first run's end waits for it", async () => {
    // A fresh module: the page's MSW starts once, and earlier tests' runs already started it there.
    vi.resetModules();
    mswStarted = Promise.withResolvers<undefined>();
    const { RunSession: FreshSession } = await import('../../../src/exercises/run-session');
    const session = new FreshSession(scenario);
    // MSW has not finished starting (and will not before the test says so): the run is posted and
    // prints first; only its end waits for MSW.
    const onOutput = vi.fn(() => events.push('output shown'));
    let ended = false;
    const first = session.run('', { onOutput }).then(() => (ended = true));
    await vi.waitFor(() => expect(events).toEqual(['run posted', 'output shown', 'msw starts']));
    expect(ended).toBe(false);
    mswStarted.resolve(undefined);
    await first;
    expect(events.at(-1)).toBe('runtime told: msw active');
    await session.run('', { onOutput });
    expect(events.filter((e) => e === 'msw starts')).toHaveLength(1);
  });
});
