/**
 * The one virtual clock: token expiry, nonce age and the learner's `time.time()` all read it, so a
 * lesson can fast-forward an hour without anyone waiting.
 */

/** A settable clock in epoch milliseconds. */
export interface VirtualClock {
  now(): number;
  /** Moves the clock by `ms` (negative moves it back). */
  advance(ms: number): void;
  set(epochMs: number): void;
  /** Called after every change with the new time; returns unsubscribe. */
  onChange(listener: (now: number) => void): () => void;
}

/** A clock that starts at `startEpochMs` and moves only when told to. */
export function createClock(startEpochMs: number): VirtualClock {
  let current = startEpochMs;
  const listeners = new Set<(now: number) => void>();
  const set = (epochMs: number): void => {
    current = epochMs;
    for (const listener of [...listeners]) listener(current);
  };
  return {
    now: () => current,
    advance: (ms) => set(current + ms),
    set,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/**
 * "+2h", "+90m", "+30s", "+1d", "-5m", "+1h30m" (a missing sign means "+") → milliseconds.
 * Units must appear at most once, largest first; anything else is malformed → null.
 */
export function parseClockOffset(text: string): number | null {
  const match = /^([+-]?)(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/.exec(text.trim());
  if (!match || match.slice(2).every((part) => part === undefined)) return null;
  const [, sign, ...parts] = match;
  const ms = parts.reduce((sum, part, i) => sum + Number(part ?? 0) * (UNIT_MS['dhms'.charAt(i)] ?? 0), 0);
  return sign === '-' ? -ms : ms;
}

/**
 * A scenario time: an ISO 8601 instant, or an offset like "+30m" from the clock's start.
 * Returns null when neither.
 */
export function resolveScenarioTime(value: string, clockStartMs: number): number | null {
  const offset = parseClockOffset(value);
  if (offset !== null) return clockStartMs + offset;
  // Only full ISO instants: Date.parse accepts much looser text that a scenario author did not mean.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** "10:04 UTC", with the date when it is not the same UTC day as `now`. */
export function formatVirtualTime(epochMs: number, now: number): string {
  const iso = new Date(epochMs).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
}

/** A human duration: "45 s", "4 min", "2 h 5 min", "3 days". */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} days`;
}
