import { describe, expect, it } from 'vitest';
import { scenarioSchema, scenarioSchemaFor } from '../../../src/exercises/scenario-schema';

const base = {
  title: 'Send the token',
  summary: 'A Bearer token in the Authorization header.',
  lesson: 'missing-credentials',
  cause: 'missing credentials',
  starter: 'import requests',
  solution: 'import requests',
  hints: ['Look at the header.', 'Use Bearer.'],
  checks: [{ kind: 'exchange', description: 'A POST should succeed.', status: '2xx', hint: 0, hintFor: { wrong_scheme: 1 } }],
  wrongAnswers: [{ name: 'Token prefix', code: 'x', hint: 1, failsWith: 'succeed' }],
};

/** The issues of a failed parse, as `path: message` lines. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

describe('scenario schema', () => {
  it('accepts a scenario whose codes, hints and lesson exist', () => {
    expect(scenarioSchemaFor(['missing-credentials']).safeParse(base).success).toBe(true);
  });

  it('rejects a misspelled decision code in hintFor, naming the field', () => {
    const checks = [{ ...base.checks[0], hintFor: { wrong_shceme: 1 } }];
    const [issue] = issues(scenarioSchema.safeParse({ ...base, checks }));
    expect(issue).toMatch(/^checks\.0\.hintFor(\.wrong_shceme)?: /);
  });

  it('rejects a misspelled decision code in a no-exchange-with-decision check', () => {
    const checks = [{ kind: 'no-exchange-with-decision', description: 'No revoked token.', decision: 'revoked_tokn' }];
    expect(issues(scenarioSchema.safeParse({ ...base, checks }))[0]).toMatch(/^checks\.0\.decision: Invalid option/);
  });

  it('rejects hint indices past the end of hints, in checks and wrong answers', () => {
    const checks = [{ ...base.checks[0], hint: 2, hintFor: { wrong_scheme: 5 } }];
    const wrongAnswers = [{ ...base.wrongAnswers[0], hint: 3 }];
    expect(issues(scenarioSchema.safeParse({ ...base, checks, wrongAnswers }))).toEqual([
      'checks.0.hint: there is no hint 2: `hints` has 2, numbered from 0',
      'checks.0.hintFor.wrong_scheme: there is no hint 5: `hints` has 2, numbered from 0',
      'wrongAnswers.0.hint: there is no hint 3: `hints` has 2, numbered from 0',
    ]);
  });

  it('rejects a lesson that does not exist', () => {
    const [issue] = issues(
      scenarioSchemaFor(['missing-credentials', 'token-refresh']).safeParse({ ...base, lesson: 'missing-credential' }),
    );
    expect(issue).toMatch(/^lesson: Invalid option: expected one of "missing-credentials"\|"token-refresh"/);
  });
});
