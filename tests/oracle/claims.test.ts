/**
 * Lessons that name a `requests` behaviour must be right about it: each claim pairs a sentence that
 * must stay in its lesson with Python that fails unless native CPython (the oracle's venv, the same
 * wheels the site serves) behaves as the sentence says, against the same mock API. Changing the
 * sentence or the behaviour fails this test until both agree again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadScenario } from './jobs';
import { runInCPython } from './run-python';

interface Claim {
  lesson: string;
  says: string;
  scenario: string;
  check: string;
}

const root = join(import.meta.dirname, '../..');
const claims = JSON.parse(readFileSync(join(import.meta.dirname, 'claims.json'), 'utf8')) as Claim[];

it('there are claims to check', () => {
  expect(claims.length).toBeGreaterThanOrEqual(6);
});

it.each(claims.map((c, i) => [i + 1, c] as const))('claim %i is still in its lesson', (_i, claim) => {
  const text = readFileSync(join(root, 'content/lessons', claim.lesson), 'utf8').replace(/\s+/g, ' ');
  expect(text, `${claim.lesson} no longer says it`).toContain(claim.says.replace(/\s+/g, ' '));
});

it('native CPython behaves as every claim says', { timeout: 300_000 }, async () => {
  const { results } = await runInCPython(claims.map((c, i) => ({ id: i + 1, code: c.check, scenario: loadScenario(c.scenario) })));
  const contradicted = [...results.values()]
    .filter((r) => r.failureType)
    .map((r) => `${claims[r.id - 1]!.lesson}: "${claims[r.id - 1]!.says}"\n${r.traceback}`);
  expect(contradicted.join('\n'), 'CPython contradicts these lesson claims').toBe('');
});
