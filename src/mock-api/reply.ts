/**
 * What a handler returns: the HTTP answer plus the decision behind it. Handlers build plain data;
 * only the server turns it into bytes (wire.ts) or a Fetch answer (fetch-answer.ts), so every route
 * gets the same framing headers.
 */
import type { Decision, DecisionCode } from './contract';

export interface Reply {
  status: number;
  /** The status line's reason phrase when it is not the standard one (httpbin's Werkzeug upper-cases). */
  reason?: string;
  headers: [string, string][];
  body: string;
  decision: Decision;
}

/** A decision, spelled compactly. */
export function decide(code: DecisionCode, reason: string): Decision {
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

/**
 * True when the answer carries no body: 1xx, 204 and 304 never do (RFC 9110 §6.4.1), nor does any
 * answer to HEAD (its Content-Length still tells the GET body's length, §9.3.2).
 */
export function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304;
}
