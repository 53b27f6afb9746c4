/**
 * The mock API's public contract: what the page (MSW glue, inspector, exercise checks) relies on.
 * Handlers live behind `MockServer.handleWire` / `handleFetch`; nothing outside src/mock-api/ reaches into them.
 */
import type { DecisionCode } from './decision-codes';

export type { DecisionCode };

/** One request/response pair as the mock saw it, plus the decision a real server would not reveal. */
export interface Exchange {
  /** Monotonic id within one server instance (1, 2, 3 …). */
  id: number;
  /** Virtual time (epoch ms) at which the request was handled. */
  at: number;
  /** Who sent it: CPython's http.client (raw bytes over the socket shim) or the browser (via MSW). */
  via: 'python' | 'browser';
  method: string;
  /** scheme://host[:port] plus the request-target as sent. */
  url: string;
  /** Request headers as sent, in the order sent, names lower-cased (the browser path: as the browser reports them). */
  requestHeaders: [string, string][];
  requestBody: string;
  status: number;
  responseHeaders: [string, string][];
  responseBody: string;
  /** The request bytes as Latin-1 text (python only; the body cut at 64 KB), for a raw view. */
  rawRequest?: string;
  /** The response bytes as Latin-1 text (python only; UTF-8 bodies appear byte by byte; cut at 64 KB). */
  rawResponse?: string;
  /** Why the server answered this way: a stable machine code and a plain-words reason. */
  decision: Decision;
}

export interface Decision {
  /** Stable code, e.g. "ok", "no_credentials", "wrong_scheme", "invalid_token" (the list: decision-codes.ts). */
  code: DecisionCode;
  /** Plain words for a learner, e.g. "scheme `Token` is not accepted here; use `Bearer`". Secrets masked. */
  reason: string;
}
