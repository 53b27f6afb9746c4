/**
 * The headers Python's requests sent, as opposed to those the browser added on the way to the
 * mock (requests runs in a worker whose HTTP goes through XMLHttpRequest). Copies and diffs use
 * only these, so a copied command is what requests sent, not what Chromium added.
 */
import type { Exchange } from '../mock-api/contract';

/** Added by the browser, never by requests. */
const BROWSER_ADDED = new Set(['origin', 'referer', 'accept-language']);
/** Computed by every client from the URL and body: repeating them could only contradict it. */
const DERIVED = new Set(['host', 'content-length']);

/** True when the browser, not requests, put this header on the request. */
export function isBrowserHeader(name: string, value: string): boolean {
  const n = name.toLowerCase();
  // requests' own User-Agent is "python-requests/x.y"; a browser's starts with "Mozilla/".
  return BROWSER_ADDED.has(n) || n.startsWith('sec-') || (n === 'user-agent' && /^Mozilla\//.test(value));
}

/** The request headers requests sent, in order, without browser-added or derived ones. */
export function sentHeaders(exchange: Exchange): [string, string][] {
  return exchange.requestHeaders.filter(([n, v]) => !isBrowserHeader(n, v) && !DERIVED.has(n.toLowerCase()));
}

/** Names of the headers the browser added (shown as a note, so nothing is silently hidden). */
export function browserHeaderNames(exchange: Exchange): string[] {
  return exchange.requestHeaders.filter(([n, v]) => isBrowserHeader(n, v)).map(([n]) => n);
}
