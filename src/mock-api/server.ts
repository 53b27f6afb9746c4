/**
 * The mock API's entry point: one server per scenario. It answers, synchronously, the raw HTTP/1.1
 * bytes CPython's http.client writes inside the Python worker (which cannot await a Promise), and
 * the requests the browser itself makes (forwarded by MSW). It logs the server's view and owns the
 * virtual clock. Framework-free.
 */
import { createClock, type VirtualClock } from './clock';
import { decodeLatin1 } from './codec';
import type { Exchange } from './contract';
import { toHeaders, type RequestContext, type Via } from './context';
import { isPreflight, preflightAnswer, toFetchAnswer, toResponse, type FetchAnswer, type FetchRequest } from './fetch-answer';
import { handleApiExample } from './handlers/api-example';
import { handleHttpbin } from './handlers/httpbin';
import { isMockedHost } from './hosts';
import { createExchangeLog } from './log';
import { reasonPhrase } from './reason-phrases';
import { decide, jsonReply, textReply, type Reply } from './reply';
import { createRuntimeState, type RuntimeState } from './state';
import type { ServerState } from './server-state';
import { parseWireRequest, wantsClose } from './wire-parse';
import { rawText, writeResponse } from './wire-write';

export type { FetchAnswer, FetchRequest } from './fetch-answer';
export { MOCKED_HOSTS } from './hosts';

/** A request as CPython wrote it on a socket to a mocked host. */
export interface WireRequest {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  bytes: Uint8Array;
}

export interface MockServer {
  /** Answers raw HTTP/1.1 request bytes with raw response bytes (status line with reason phrase, headers in order, Content-Length body). */
  handleWire(request: WireRequest): Uint8Array;
  /** A request the browser itself made (forwarded by MSW from the page); null when the host is not mocked. */
  handleFetch(request: FetchRequest): FetchAnswer | null;
  /** `handleFetch` for a Fetch `Request` (reads its body); null when the host is not mocked. */
  handle(request: Request): Promise<Response | null>;
  /** All exchanges so far, in order (the server's view). */
  readonly log: ReadonlyArray<Exchange>;
  /** Subscribe to new exchanges; returns unsubscribe. */
  onExchange(listener: (e: Exchange) => void): () => void;
  readonly clock: VirtualClock;
  /** Restore the scenario's initial state (tokens, revocations, nonces, clock start) and clear the log. */
  reset(): void;
}

export interface MockServerOptions {
  /** Virtual time (epoch ms) the clock starts at, e.g. the scenario's start plus the page's offset. */
  startAt?: number;
}

/** One decoder for every request body (replacement characters for invalid bytes, as before). */
const utf8 = new TextDecoder();

function answer(host: string, ctx: RequestContext): Reply {
  try {
    return host === 'httpbin.org' ? handleHttpbin(ctx) : handleApiExample(ctx);
  } catch (error) {
    // A bug in the mock should look like a server error to Python, not like a network failure.
    const message = error instanceof Error ? error.message : String(error);
    return jsonReply(500, { error: 'server_error' }, decide('server_error', `the mock API itself failed: ${message}`));
  }
}

/** What a server says to a request it cannot even route (RFC 9112 §3: 400, 501, 505). */
function refusal(status: number, why: string): Reply {
  return textReply(status, `${status} ${reasonPhrase(status)}\n`, decide('bad_request', `the request is not valid HTTP/1.1: ${why}`));
}

/** Where `target` (origin-form or absolute-form) points on this connection; null when unusable. */
function targetUrl(request: WireRequest, target: string): { url: URL; target: string } | null {
  try {
    if (/^https?:\/\//i.test(target)) {
      const url = new URL(target);
      return { url, target: target.replace(/^https?:\/\/[^/?#]*/i, '') || '/' };
    }
    if (!target.startsWith('/')) return null;
    const defaultPort = request.scheme === 'https' ? 443 : 80;
    const authority = request.port === defaultPort ? request.host : `${request.host}:${request.port}`;
    return { url: new URL(`${request.scheme}://${authority}${target}`), target };
  } catch {
    return null;
  }
}

/** A server for `config`, its clock at `options.startAt` or else at `config.clockStart`. */
export function createMockServer(config: ServerState, options: MockServerOptions = {}): MockServer {
  const clockStart = options.startAt ?? Date.parse(config.clockStart);
  const clock = createClock(clockStart);
  const log = createExchangeLog();
  let state: RuntimeState = createRuntimeState(config);

  const context = (
    via: Via,
    method: string,
    url: URL,
    target: string,
    headers: Headers,
    rawHeaders: [string, string][],
    body: Uint8Array,
  ): RequestContext => ({
    method,
    url,
    target,
    headers,
    rawHeaders,
    body,
    bodyText: utf8.decode(body),
    via,
    state,
    clock,
  });

  function handleWire(request: WireRequest): Uint8Array {
    const at = clock.now();
    const host = request.host.toLowerCase();
    const message = parseWireRequest(request.bytes);
    const parsed = 'method' in message ? message : null;
    const refused = 'why' in message ? message : null;
    const method = parsed?.method ?? /^[^ \r\n]*/.exec(decodeLatin1(request.bytes.subarray(0, 64)))?.[0] ?? '';
    const located = parsed ? targetUrl(request, parsed.target) : null;
    const headers = parsed ? toHeaders(parsed.headers) : null;
    let reply: Reply;
    let bodyText = '';
    if (!isMockedHost(host))
      reply = textReply(421, '421 Misdirected Request\n', decide('not_mocked', `${host} is not a host this sandbox serves`));
    else if (refused || !parsed) reply = refusal(refused?.status ?? 400, refused?.why ?? '');
    else if (!located) reply = refusal(400, `the request target "${parsed.target}" is not a path (origin-form) or an absolute URL`);
    else if (!headers) reply = refusal(400, 'a header name or value has bytes a server refuses');
    else {
      const ctx = context('python', method.toUpperCase(), located.url, located.target, headers, parsed.headers, parsed.body);
      bodyText = ctx.bodyText;
      reply = answer(host, ctx);
    }
    // A server closes after a request it could not parse: it cannot know where the next one starts.
    const close = !parsed || wantsClose(parsed);
    const written = writeResponse(reply, { method: method.toUpperCase(), close, now: at });
    const defaultPort = request.scheme === 'https' ? 443 : 80;
    const origin = `${request.scheme}://${host}${request.port === defaultPort ? '' : `:${request.port}`}`;
    log.append({
      at,
      via: 'python',
      method,
      url: located ? `${origin}${located.target}` : `${origin}${parsed?.target ?? ''}`,
      requestHeaders: (parsed?.headers ?? []).map(([n, v]) => [n.toLowerCase(), v]),
      requestBody: bodyText,
      status: reply.status,
      responseHeaders: written.headers,
      responseBody: reply.body,
      rawRequest: rawText(request.bytes),
      rawResponse: rawText(written.bytes),
      decision: reply.decision,
    });
    return written.bytes;
  }

  function handleFetch(request: FetchRequest): FetchAnswer | null {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return null;
    }
    const host = url.hostname.toLowerCase();
    if (!isMockedHost(host)) return null;
    const method = request.method.toUpperCase();
    const headers = toHeaders(request.headers) ?? new Headers();
    if (isPreflight(method, headers)) return preflightAnswer(headers);
    const at = clock.now();
    const ctx = context('browser', method, url, `${url.pathname}${url.search}`, headers, request.headers, request.body);
    let reply = answer(host, ctx);
    // A `Response` cannot carry other statuses; handlers avoid them for the browser, this is a backstop.
    if (reply.status < 200 || reply.status > 599)
      reply = jsonReply(500, { error: 'server_error' }, decide('server_error', `status ${reply.status} cannot reach the browser`));
    const fetchAnswer = toFetchAnswer(method, reply);
    log.append({
      at,
      via: 'browser',
      method,
      url: request.url,
      requestHeaders: request.headers.map(([n, v]) => [n.toLowerCase(), v]),
      requestBody: ctx.bodyText,
      status: reply.status,
      responseHeaders: fetchAnswer.headers.map(([n, v]) => [n.toLowerCase(), v]),
      responseBody: reply.body,
      decision: reply.decision,
    });
    return fetchAnswer;
  }

  return {
    handleWire(request) {
      try {
        return handleWire(request);
      } catch (error) {
        // Python is blocked on this call: a throw would surface as a JavaScript error, not an HTTP one.
        console.error('mock-api: handleWire failed', error);
        return new TextEncoder().encode('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    },
    handleFetch,
    async handle(request) {
      const body = new Uint8Array(await request.arrayBuffer());
      const fetchAnswer = handleFetch({ method: request.method, url: request.url, headers: [...request.headers], body });
      return fetchAnswer ? toResponse(fetchAnswer) : null;
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
