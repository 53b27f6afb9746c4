/**
 * The practice API as the Python worker hosts it: one fresh mock server per run, answering the
 * bytes CPython writes (synchronously, from inside Python) and the requests the browser itself
 * makes (forwarded from the page by MSW), so both paths share one state within a run.
 */
import type { Exchange } from '../mock-api/contract';
import { createMockServer, type FetchAnswer, type FetchRequest, type MockServer, type WireRequest } from '../mock-api/server';
import type { ServerState } from '../mock-api/server-state';
import type { ReplayResponse } from './protocol';
import { Replay } from './replay';

let server: MockServer | null = null;
let unsubscribe = () => {};
/** The 401 doctor's canned answers for this run, when it asked for them (RunRequest.replay). */
let replay: Replay | null = null;

/** Builds this run's server from the scenario's state, its clock at `virtualNow`. */
export function startMockRun(
  state: ServerState,
  virtualNow: number,
  onExchange: (exchange: Exchange) => void,
  replayResponses?: ReplayResponse[],
): void {
  unsubscribe();
  server = createMockServer(state, { startAt: virtualNow });
  unsubscribe = server.onExchange(onExchange);
  replay = replayResponses ? new Replay(replayResponses, virtualNow, onExchange) : null;
}

/** Python's side of the socket: raw request bytes in, raw response bytes out. */
export function answerWire(request: WireRequest): Uint8Array {
  if (replay) return replay.answer(request);
  if (!server) throw new Error('the practice API is not running (no run has started)');
  return server.handleWire(request);
}

/** A browser-made request; null before any run (the page turns it into a network error). */
export function answerFetch(request: FetchRequest): FetchAnswer | null {
  return server ? server.handleFetch(request) : null;
}

/** `time.sleep()` in learner code moves the server's clock too: expiry follows the learner's time. */
export function advanceMockClock(ms: number): void {
  server?.clock.advance(ms);
}
