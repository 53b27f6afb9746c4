/**
 * "Compare with a working request": how the learner's request differs from the one the reference
 * solution sends to the same method and path. Computed on the real values (two different tokens
 * can look alike once masked); the caller masks the result for display.
 */
import type { Exchange } from '../mock-api/contract';
import { canonicalJson, isJsonDocument } from './json-text';
import { pathOf } from './http-text';
import { sentHeaders } from './sent-headers';

/** A header both requests carry, with different values. */
export interface HeaderChange {
  name: string;
  mine: string;
  reference: string;
}

/** The differences between two requests; header names are lower-case. */
export interface RequestDiff {
  /** Headers only the working request sends. */
  added: [string, string][];
  /** Headers only the learner's request sends. */
  removed: [string, string][];
  changed: HeaderChange[];
  /** "same" byte for byte, "equivalent" (same JSON or form data, written differently) or "different". */
  body: 'same' | 'equivalent' | 'different';
  /** The query strings differ (the paths are equal by construction). */
  queryDiffers: boolean;
}

/** Repeated headers compare as one comma-joined value, the way HTTP defines them (RFC 9110 §5.3). */
function headerMap(exchange: Exchange): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of sentHeaders(exchange)) {
    const prev = map.get(name);
    map.set(name, prev === undefined ? value : `${prev}, ${value}`);
  }
  return map;
}

function formPairs(body: string): string {
  return JSON.stringify(new URLSearchParams(body).toString().split('&').sort());
}

function compareBodies(mine: string, reference: string): RequestDiff['body'] {
  if (mine === reference) return 'same';
  if (isJsonDocument(mine) && isJsonDocument(reference))
    return canonicalJson(mine) === canonicalJson(reference) ? 'equivalent' : 'different';
  if (!isJsonDocument(mine) && !isJsonDocument(reference) && mine.includes('=') && formPairs(mine) === formPairs(reference))
    return 'equivalent';
  return 'different';
}

/** The header and body differences between the learner's request and the working one. */
export function diffRequests(mine: Exchange, reference: Exchange): RequestDiff {
  const a = headerMap(mine);
  const b = headerMap(reference);
  const added: [string, string][] = [...b].filter(([n]) => !a.has(n));
  const removed: [string, string][] = [...a].filter(([n]) => !b.has(n));
  const changed: HeaderChange[] = [...a]
    .filter(([n, v]) => b.has(n) && b.get(n) !== v)
    .map(([name, value]) => ({ name, mine: value, reference: b.get(name)! }));
  const query = (url: string): string => {
    const path = pathOf(url);
    const q = path.indexOf('?');
    return q < 0 ? '' : path.slice(q);
  };
  return {
    added,
    removed,
    changed,
    body: compareBodies(mine.requestBody, reference.requestBody),
    queryDiffers: query(mine.url) !== query(reference.url),
  };
}

const pathOnly = (url: string): string => pathOf(url).split('?')[0] ?? '';

/**
 * The reference exchange to compare with: same method and path, preferring one that succeeded
 * (a Digest solution sends the same request twice, and only the second leg works).
 */
export function findReference(mine: Exchange, references: readonly Exchange[]): Exchange | undefined {
  const same = references.filter((r) => r.method === mine.method && pathOnly(r.url) === pathOnly(mine.url));
  return same.find((r) => r.status >= 200 && r.status < 300) ?? same[0];
}
