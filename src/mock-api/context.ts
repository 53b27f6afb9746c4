/** One request as the handlers see it: parsed URL, headers, the body read once, and the state. */
import type { VirtualClock } from './clock';
import type { RuntimeState } from './state';

export interface RequestContext {
  method: string;
  url: URL;
  headers: Headers;
  /** Raw body bytes (empty when none). */
  body: Uint8Array;
  /** The body decoded as UTF-8 (invalid bytes replaced). */
  bodyText: string;
  state: RuntimeState;
  clock: VirtualClock;
}

/** The request target a client puts in Digest's `uri`: path plus query, as sent. */
export function requestTarget(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/** The media type of the body, lower-cased, without parameters ("" when absent). */
export function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Reads a `Request` into a context (consumes its body). */
export async function readContext(request: Request, state: RuntimeState, clock: VirtualClock): Promise<RequestContext> {
  const body = new Uint8Array(await request.arrayBuffer());
  return {
    method: request.method.toUpperCase(),
    url: new URL(request.url),
    headers: request.headers,
    body,
    bodyText: new TextDecoder().decode(body),
    state,
    clock,
  };
}
