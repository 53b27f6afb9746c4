/** One request as the handlers see it: the target as sent, headers, the body read once, and the state. */
import type { VirtualClock } from './clock';
import type { RuntimeState } from './state';

/** Who made the request: CPython's http.client over the socket shim, or the browser (via MSW). */
export type Via = 'python' | 'browser';

export interface RequestContext {
  method: string;
  /** The request as a URL (WHATWG-parsed: for routing, query arguments and display). */
  url: URL;
  /**
   * The request-target exactly as sent (origin-form path and query, bytes as Latin-1), not
   * re-encoded by the URL parser: WHATWG percent-encodes `'` in a query, CPython sends it as is,
   * and Digest's `uri` must equal what the client sent.
   */
  target: string;
  /** Header lookup (duplicates joined with ", "). */
  headers: Headers;
  /** Header fields as sent: original names, order and duplicates (for echo endpoints). */
  rawHeaders: [string, string][];
  /** Raw body bytes (empty when none; de-chunked). */
  body: Uint8Array;
  /** The body decoded as UTF-8 (invalid bytes replaced). */
  bodyText: string;
  via: Via;
  state: RuntimeState;
  clock: VirtualClock;
}

/** The request target a client puts in Digest's `uri`: path plus query, as sent. */
export function requestTarget(ctx: Pick<RequestContext, 'target'>): string {
  return ctx.target;
}

/** The media type of the body, lower-cased, without parameters ("" when absent). */
export function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Header fields as a `Headers`; null when a value is one `Headers` refuses (a real server answers 400). */
export function toHeaders(fields: [string, string][]): Headers | null {
  try {
    const headers = new Headers();
    for (const [name, value] of fields) headers.append(name, value);
    return headers;
  } catch {
    return null;
  }
}
