/**
 * The mock API's public contract: what the page (MSW glue, inspector, exercise checks) relies on.
 * Handlers live behind `MockServer.handle`; nothing outside src/mock-api/ reaches into them.
 */

/** One request/response pair as the mock saw it, plus the decision a real server would not reveal. */
export interface Exchange {
  /** Monotonic id within one server instance (1, 2, 3 …). */
  id: number;
  /** Virtual time (epoch ms) at which the request was handled. */
  at: number;
  method: string;
  url: string;
  /** Request headers exactly as received (lower-cased names, insertion order). */
  requestHeaders: [string, string][];
  requestBody: string;
  status: number;
  responseHeaders: [string, string][];
  responseBody: string;
  /** Why the server answered this way: a stable machine code and a plain-words reason. */
  decision: Decision;
}

export interface Decision {
  /** Stable code, e.g. "ok", "no_credentials", "wrong_scheme", "invalid_token", "expired_token". */
  code: string;
  /** Plain words for a learner, e.g. "scheme `Token` is not accepted here; use `Bearer`". Secrets masked. */
  reason: string;
}
