/**
 * Grouping of exchanges that are legs of one `requests` call: a Digest challenge and its retry
 * (requests retries once, RFC 7616), and redirect chains (each hop is a separate exchange).
 */
import type { Exchange } from '../mock-api/contract';
import { headerValue } from './http-text';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why two exchanges belong together, or null when they don't. */
export type LegLink = 'digest' | 'redirect' | null;

function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return a === b;
  }
}

/** How `next` continues `prev`, if it does. */
export function legLink(prev: Exchange, next: Exchange): LegLink {
  const challenge = headerValue(prev.responseHeaders, 'www-authenticate') ?? '';
  const answer = headerValue(next.requestHeaders, 'authorization') ?? '';
  if (
    prev.status === 401 &&
    /^\s*digest\b/i.test(challenge) &&
    /^\s*digest\b/i.test(answer) &&
    prev.method === next.method &&
    sameUrl(prev.url, next.url)
  )
    return 'digest';
  const location = headerValue(prev.responseHeaders, 'location');
  if (REDIRECTS.has(prev.status) && location !== undefined) {
    let target: string;
    try {
      target = new URL(location, prev.url).href;
    } catch {
      return null;
    }
    // 301/302/303 may turn the method into GET (requests' rebuild_method); 307/308 keep it.
    if (sameUrl(target, next.url) && (next.method === prev.method || next.method === 'GET')) return 'redirect';
  }
  return null;
}

/** True when `next` is one more leg of `group` (consecutive exchanges only). */
export function joinsGroup(group: readonly Exchange[], next: Exchange): boolean {
  const last = group[group.length - 1];
  if (!last) return false;
  const link = legLink(last, next);
  if (link !== 'digest') return link !== null;
  // requests answers a Digest challenge once per call: a second retry is a new call.
  const before = group[group.length - 2];
  return !before || legLink(before, last) !== 'digest';
}

/** Exchanges in order, grouped into legs of one request each. */
export function groupLegs(exchanges: readonly Exchange[]): Exchange[][] {
  const groups: Exchange[][] = [];
  for (const exchange of exchanges) {
    const last = groups[groups.length - 1];
    if (last && joinsGroup(last, exchange)) last.push(exchange);
    else groups.push([exchange]);
  }
  return groups;
}

/** A label for a group: "2 legs: Digest challenge, then retry", "3 legs: redirects". */
export function groupLabel(group: readonly Exchange[]): string {
  const links = group.slice(1).map((e, i) => legLink(group[i], e));
  const kinds = new Set(links);
  const what =
    kinds.size === 1 && kinds.has('digest')
      ? 'Digest challenge, then retry'
      : kinds.size === 1
        ? 'redirects followed'
        : 'redirects and Digest retry';
  return `${group.length} legs: ${what}`;
}
