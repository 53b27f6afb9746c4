/**
 * Every real-world-shaped case in tests/fixtures/doctor/ through the whole pipeline: the response
 * parsers and rules (TypeScript) and the code analyzer (native CPython, as Pyodide runs it in the
 * browser). Each case names the cause it must rank first and, when a response is given, its format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/doctor/index';
import { analyzeNativeMany } from './native-python';

export interface DoctorFixture {
  name: string;
  expect: string;
  code: string;
  response: string;
  format?: string;
  note?: string;
  e2e?: boolean;
}

const dir = join(import.meta.dirname, '../../fixtures/doctor');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const fixtures = files.map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as DoctorFixture) }));
const analyses = analyzeNativeMany(fixtures.map((f) => f.code));

describe('doctor fixtures', () => {
  it('has at least 40 cases covering every response format', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fixtures.map((f) => f.format).filter(Boolean))).toEqual(
      new Set(['raw-http', 'curl-verbose', 'python', 'har', 'body-only']),
    );
  });

  it.each(fixtures.map((f, i) => [f.file, f, i] as const))('%s', (_file, fixture, i) => {
    const result = diagnose(fixture.response, fixture.code.trim() ? analyses[i]! : null);
    if (fixture.format) expect(result.parsed.format).toBe(fixture.format);
    const ranking = result.causes.map((c) => `${c.id}:${c.score}`).join(' ');
    expect(result.causes[0]?.id, ranking).toBe(fixture.expect);
  });
});
