/**
 * The mock API's entry point: one server per scenario, answering `Request`s for the mocked hosts
 * with `Response`s, logging the server's view, and owning the virtual clock. Framework-free: the
 * MSW glue (browser.ts) only forwards requests here.
 */
import { createClock, type VirtualClock } from './clock';
import type { Exchange } from './contract';
import { readContext, type RequestContext } from './context';
import { handleApiExample } from './handlers/api-example';
import { handleHttpbin } from './handlers/httpbin';
import { createExchangeLog } from './log';
import { decide, jsonReply, preflightResponse, toResponse, type Reply } from './reply';
import { createRuntimeState } from './state';
import type { ServerState } from './state-schema';

export interface MockServer {
  /** Answer a request for a mocked host; return null when the host is not mocked (caller turns it into a network error). */
  handle(request: Request): Promise<Response | null>;
  /** All exchanges so far, in order (the server's view). */
  readonly log: ReadonlyArray<Exchange>;
  /** Subscribe to new exchanges; returns unsubscribe. */
  onExchange(listener: (e: Exchange) => void): () => void;
  readonly clock: VirtualClock;
  /** Restore the scenario's initial state (tokens, revocations, nonces, clock start) and clear the log. */
  reset(): void;
}

/** The only hosts the sandbox reaches; everything else is a network error. */
export const MOCKED_HOSTS: readonly string[] = ['api.example.com', 'httpbin.org'];

/** A CORS preflight: OPTIONS with Access-Control-Request-Method (Fetch standard). Not logged. */
function isPreflight(request: Request): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && request.headers.has('access-control-request-method');
}

async function answer(host: string, ctx: RequestContext): Promise<Reply> {
  try {
    return host === 'httpbin.org' ? await handleHttpbin(ctx) : await handleApiExample(ctx);
  } catch (error) {
    // A bug in the mock should look like a server error to Python, not like a network failure.
    const message = error instanceof Error ? error.message : String(error);
    return jsonReply(500, { error: 'server_error' }, decide('server_error', `the mock API itself failed: ${message}`));
  }
}

/** A server for `config`, its clock at `config.clockStart`. */
export function createMockServer(config: ServerState): MockServer {
  const clockStart = Date.parse(config.clockStart);
  const clock = createClock(clockStart);
  const log = createExchangeLog();
  let state = createRuntimeState(config);
  return {
    async handle(request) {
      const url = new URL(request.url);
      const host = url.hostname.toLowerCase();
      if (!MOCKED_HOSTS.includes(host)) return null;
      if (isPreflight(request)) return preflightResponse(request);
      const at = clock.now();
      const ctx = await readContext(request, state, clock);
      const reply = await answer(host, ctx);
      const response = toResponse(reply);
      log.append({
        at,
        method: ctx.method,
        url: request.url,
        requestHeaders: [...request.headers],
        requestBody: ctx.bodyText,
        status: reply.status,
        responseHeaders: [...response.headers],
        responseBody: reply.body,
        decision: reply.decision,
      });
      return response;
    },
    get log() {
      return log.entries;
    },
    onExchange: (listener) => log.subscribe(listener),
    clock,
    reset() {
      state = createRuntimeState(config);
      clock.set(clockStart);
      log.clear();
    },
  };
}
