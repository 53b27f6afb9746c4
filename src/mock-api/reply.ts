/**
 * What a handler returns: the HTTP answer plus the decision behind it. Handlers build plain data;
 * only the server turns it into a `Response`, adding CORS, so every route gets the same headers.
 */
import { reasonPhrase } from './reason-phrases';
import type { Decision } from './contract';

export interface Reply {
  status: number;
  headers: [string, string][];
  body: string;
  decision: Decision;
}

/** A decision, spelled compactly. */
export function decide(code: string, reason: string): Decision {
  return { code, reason };
}

/** A JSON reply (`application/json`), body pretty-printed with a final newline as many APIs do. */
export function jsonReply(status: number, body: unknown, decision: Decision, headers: [string, string][] = []): Reply {
  return { status, headers: [['content-type', 'application/json'], ...headers], body: `${JSON.stringify(body, null, 2)}\n`, decision };
}

/** A reply with a non-JSON body. */
export function textReply(
  status: number,
  body: string,
  decision: Decision,
  headers: [string, string][] = [],
  contentType = 'text/plain; charset=utf-8',
): Reply {
  return { status, headers: [['content-type', contentType], ...headers], body, decision };
}

/** Statuses whose responses cannot carry a body (Fetch: "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * CORS for the page's origin. Exposing all headers matters: Chromium exposes them for service-worker
 * responses anyway, other browsers may not, and Python must see `WWW-Authenticate`.
 */
export const CORS_HEADERS: readonly [string, string][] = [
  ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', '*'],
];

/** The `Response` for a reply, with CORS headers added (a handler's own CORS headers win). */
export function toResponse(reply: Reply): Response {
  const headers = new Headers();
  for (const [name, value] of reply.headers) headers.append(name, value);
  for (const [name, value] of CORS_HEADERS) if (!headers.has(name)) headers.set(name, value);
  const body = NULL_BODY.has(reply.status) ? null : reply.body;
  return new Response(body, { status: reply.status, statusText: reasonPhrase(reply.status), headers });
}

/**
 * Answer to a CORS preflight. `Access-Control-Allow-Headers: *` does NOT cover `Authorization`
 * (Fetch standard, CORS-safelisted wildcard rules), so the requested headers are echoed instead.
 */
export function preflightResponse(request: Request): Response {
  const requested = request.headers.get('access-control-request-headers');
  const headers = new Headers([
    ...CORS_HEADERS,
    ['access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS'],
    ['access-control-allow-headers', requested && requested.trim() !== '' ? requested : '*'],
    ['access-control-max-age', '600'],
  ]);
  return new Response(null, { status: 204, headers });
}
