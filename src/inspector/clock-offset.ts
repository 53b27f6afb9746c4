/** Parsing and wording of the clock control's moves ("+1h30m" → 5 400 000 ms → "+1 h 30 min"). */
import { parseClockOffset } from '../mock-api/clock';
import { clockTime } from './http-text';

/** Forward moves only: "+2h", "+30m", "+1h30m", "+45s", "+1d" (the sign is optional). */
export function parseForwardOffset(text: string): { ms: number } | { error: string } {
  const ms = parseClockOffset(text.replace(/\s+/g, ''));
  if (ms === null) return { error: 'Write a time like +30m, +2h or +1h30m.' };
  if (ms <= 0) return { error: 'The clock only moves forward here: use a + offset like +30m.' };
  return { ms };
}

/** "+1 h 30 min", "+1 min", "+45 s", "+2 d". */
export function formatOffset(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  return `${ms < 0 ? '-' : '+'}${parts.join(' ') || '0 s'}`;
}

/** The log line for a move: "Clock moved +1 h → 11:00 UTC" (seconds only when not zero). */
export function clockMoveLine(ms: number, target: number): string {
  const time = clockTime(target);
  return `Clock moved ${formatOffset(ms)} → ${time.endsWith(':00') ? time.slice(0, 5) : time} UTC`;
}
