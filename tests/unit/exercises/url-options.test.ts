import { describe, expect, it } from 'vitest';
import { closestIds, parseClockOffset, parseScenarioOptions } from '../../../src/exercises/url-options';

describe('parseClockOffset', () => {
  it.each([
    ['+2h', 7_200_000],
    ['2h', 7_200_000],
    ['+90m', 5_400_000],
    ['+1h30m', 5_400_000],
    ['-5m', -300_000],
    ['+1d', 86_400_000],
    ['+30s', 30_000],
  ])('%s → %i ms', (text, ms) => expect(parseClockOffset(text)).toBe(ms));

  it.each(['', '+', '2 hours', '+2x', 'h2', '+2h-3m', '1e9h'])('rejects %j', (text) => expect(parseClockOffset(text)).toBeNull());
});

describe('parseScenarioOptions', () => {
  it('reads every documented option', () => {
    const { options, problems } = parseScenarioOptions(new URLSearchParams('clock=+2h&hints=0&solution=0&inspector=1&code=solution'));
    expect(problems).toEqual([]);
    expect(options).toEqual({ clockOffsetMs: 7_200_000, hints: false, solution: false, inspector: true, code: 'solution' });
  });

  it('explains malformed values and unknown options instead of guessing', () => {
    const { options, problems } = parseScenarioOptions(new URLSearchParams('clock=soon&hints=maybe&colour=red'));
    expect(options.clockOffsetMs).toBe(0);
    expect(options.hints).toBe(true);
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/clock=soon.*clock=\+2h/);
    expect(problems.join(' ')).toMatch(/hints=maybe/);
    expect(problems.join(' ')).toMatch(/colour/);
  });
});

describe('closestIds', () => {
  it('suggests the nearest ids first', () => {
    expect(closestIds('missing-credential', ['expired-token', 'missing-credentials', 'basic-auth'])[0]).toBe('missing-credentials');
  });
});
