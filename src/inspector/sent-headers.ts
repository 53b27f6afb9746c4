/**
 * The headers the learner's client sent, as opposed to those a browser added on the way to the
 * mock. Python's requests reach the mock byte for byte as http.client wrote them (`via: 'python'`),
 * so nothing is hidden there; a request the browser made (js.fetch, pyfetch) carries the browser's
 * own headers, which copies and diffs leave out so a copied command is what the code asked for.
 */
import type { Exchange } from '../mock-api/contract';

/** Added by the browser, never by requests. */
const BROWSER_ADDED = new Set(['origin', 'referer', 'accept-language']);
/** Computed by every client from the URL and body: repeating them could only contradict it. */
const DERIVED = new Set(['host', 'content-length']);

/** True when the browser, not the learner's code, put this header on the request. */
function isBrowserHeader(exchange: Exchange, name: string, value: string): boolean {
  if (exchange.via !== 'browser') return false;
  const n = name.toLowerCase();
  return BROWSER_ADDED.has(n) || n.startsWith('sec-') || (n === 'user-agent' && /^Mozilla\//.test(value));
}

/** The request headers as the learner's code sent them, in order (browser-added ones left out). */
export function codeHeaders(exchange: Exchange): [string, string][] {
  return exchange.requestHeaders.filter(([n, v]) => !isBrowserHeader(exchange, n, v));
}

/** The headers to repeat in a copy or compare in a diff: the code's own, without derived ones. */
export function sentHeaders(exchange: Exchange): [string, string][] {
  return codeHeaders(exchange).filter(([n]) => !DERIVED.has(n.toLowerCase()));
}

/** Names of the headers the browser added (shown as a note, so nothing is silently hidden). */
export function browserHeaderNames(exchange: Exchange): string[] {
  return exchange.requestHeaders.filter(([n, v]) => isBrowserHeader(exchange, n, v)).map(([n]) => n);
}
