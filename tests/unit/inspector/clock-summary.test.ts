import { describe, expect, it } from 'vitest';
import { clockMoveLine, formatOffset, parseForwardOffset } from '../../../src/inspector/clock-offset';
import { summaryText } from '../../../src/inspector/summary';
import { exchange } from './fixtures';

describe('clock control text', () => {
  it('accepts +2h, +30m, +1h30m and rejects the rest with a message', () => {
    expect(parseForwardOffset('+2h')).toEqual({ ms: 7_200_000 });
    expect(parseForwardOffset('+30m')).toEqual({ ms: 1_800_000 });
    expect(parseForwardOffset(' +1h 30m ')).toEqual({ ms: 5_400_000 });
    expect(parseForwardOffset('90 minutes')).toHaveProperty('error');
    expect(parseForwardOffset('-5m')).toHaveProperty('error');
    expect(parseForwardOffset('+0m')).toHaveProperty('error');
  });

  it('words moves and log lines', () => {
    expect(formatOffset(5_400_000)).toBe('+1 h 30 min');
    expect(clockMoveLine(3_600_000, Date.UTC(2026, 10, 24, 11, 0, 0))).toBe('Clock moved +1 h → 11:00 UTC');
    expect(clockMoveLine(60_000, Date.UTC(2026, 10, 24, 11, 0, 5))).toBe('Clock moved +1 min → 11:00:05 UTC');
  });

  it('summarises the run for the polite announcement', () => {
    expect(summaryText([])).toBe('No requests yet.');
    const list = [exchange(), exchange({ id: 2, method: 'POST', url: 'https://api.example.com/endpoint', status: 401 })];
    expect(summaryText(list)).toBe('2 requests, last: POST /endpoint → 401');
  });
});
