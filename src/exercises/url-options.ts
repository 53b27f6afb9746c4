/**
 * Deep-link options for a scenario (design.md §4): `clock=+2h`, `hints=0|1`, `solution=0|1`,
 * `inspector=0|1`, `code=starter|solution`. Malformed values and unknown options are reported in
 * plain words and ignored, never silently turned into a different exercise.
 */
import { parseClockOffset } from '../mock-api/clock';

export { parseClockOffset };

export interface ScenarioOptions {
  clockOffsetMs: number;
  hints: boolean;
  solution: boolean;
  inspector: boolean;
  code: 'saved' | 'starter' | 'solution';
}

export const DEFAULT_OPTIONS: ScenarioOptions = { clockOffsetMs: 0, hints: true, solution: true, inspector: true, code: 'saved' };

const KNOWN = new Set(['scenario', 'clock', 'hints', 'solution', 'inspector', 'code']);

function flag(name: string, value: string, problems: string[]): boolean | undefined {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(`\`${name}=${value}\` is not understood: use ${name}=0 or ${name}=1.`);
  return undefined;
}

export function parseScenarioOptions(params: URLSearchParams): { options: ScenarioOptions; problems: string[] } {
  const options = { ...DEFAULT_OPTIONS };
  const problems: string[] = [];
  for (const [name, value] of params) {
    if (!KNOWN.has(name)) {
      problems.push(`The option \`${name}\` is unknown and was ignored (known: clock, hints, solution, inspector, code).`);
      continue;
    }
    if (name === 'clock') {
      const ms = parseClockOffset(value);
      if (ms === null) problems.push(`\`clock=${value}\` is not a time offset; write it like clock=+2h, clock=+30m or clock=+1h30m.`);
      else options.clockOffsetMs = ms;
    } else if (name === 'hints' || name === 'solution' || name === 'inspector') {
      const parsed = flag(name, value, problems);
      if (parsed !== undefined) options[name] = parsed;
    } else if (name === 'code') {
      if (value === 'starter' || value === 'solution') options.code = value;
      else problems.push(`\`code=${value}\` is not understood: use code=starter or code=solution.`);
    }
  }
  return { options, problems };
}

/** The known ids closest to an unknown one, for "did you mean…" (edit distance, then shared prefix). */
export function closestIds(unknown: string, ids: readonly string[], count = 3): string[] {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length];
  };
  return [...ids].sort((a, b) => distance(unknown, a) - distance(unknown, b)).slice(0, count);
}
