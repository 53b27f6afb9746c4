/** Small formatting helpers for HTTP data and virtual time (UTC, since the virtual clock is UTC). */

import { reasonPhrase } from '../mock-api/reason-phrases';

/** "401 Unauthorized" (the number alone for codes without a standard phrase). */
export function statusText(status: number): string {
  const reason = reasonPhrase(status);
  return reason ? `${status} ${reason}` : String(status);
}

/** "2xx" … "5xx": drives the status colour, always shown next to the status text. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/** Path and query of a URL, the part a learner compares; the URL itself when it cannot be parsed. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** Host (with a non-default port) of a URL, or "" when it cannot be parsed. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** First value of a header (names are lower-case in the log). */
export function headerValue(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n === name)?.[1];
}

/** "10:04:05" in UTC. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}

/** "2026-11-24" in UTC. */
export function clockDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
