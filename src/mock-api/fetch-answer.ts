/**
 * Answers for requests the browser itself made (js.fetch, pyodide.http.pyfetch), forwarded from
 * the page's MSW. Unlike the wire path these need CORS headers, and a `Response` can only carry
 * statuses 200–599 and no body on "null body statuses".
 */
import { reasonPhrase } from './reason-phrases';
import { hasNoBody, type Reply } from './reply';

/** A request the browser made (forwarded by MSW from the page). */
export interface FetchRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** What MSW turns into a `Response`. */
export interface FetchAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string | null;
}

/**
 * CORS for the page's origin. Exposing all headers matters: Chromium exposes them for service-worker
 * responses anyway, other browsers may not, and Python must see `WWW-Authenticate`.
 */
export const CORS_HEADERS: readonly [string, string][] = [
  ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', '*'],
];

/** The answer for a reply, with CORS headers added (a handler's own CORS headers win). */
export function toFetchAnswer(method: string, reply: Reply): FetchAnswer {
  const headers: [string, string][] = [...reply.headers];
  const names = new Set(headers.map(([n]) => n.toLowerCase()));
  for (const [name, value] of CORS_HEADERS) if (!names.has(name)) headers.push([name, value]);
  return {
    status: reply.status,
    statusText: reply.reason ?? reasonPhrase(reply.status),
    headers,
    body: hasNoBody(method, reply.status) || reply.status === 205 ? null : reply.body,
  };
}

/** A CORS preflight: OPTIONS with Access-Control-Request-Method (Fetch standard). Not logged. */
export function isPreflight(method: string, headers: Headers): boolean {
  return method === 'OPTIONS' && headers.has('access-control-request-method');
}

/**
 * Answer to a CORS preflight. `Access-Control-Allow-Headers: *` does NOT cover `Authorization`
 * (Fetch standard, CORS-safelisted wildcard rules), so the requested headers are echoed instead.
 */
export function preflightAnswer(headers: Headers): FetchAnswer {
  const requested = headers.get('access-control-request-headers');
  return {
    status: 204,
    statusText: reasonPhrase(204),
    headers: [
      ...CORS_HEADERS,
      ['access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS'],
      ['access-control-allow-headers', requested && requested.trim() !== '' ? requested : '*'],
      ['access-control-max-age', '600'],
    ],
    body: null,
  };
}

/** The `Response` MSW hands the page. */
export function toResponse(answer: FetchAnswer): Response {
  const headers = new Headers();
  for (const [name, value] of answer.headers) headers.append(name, value);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}
