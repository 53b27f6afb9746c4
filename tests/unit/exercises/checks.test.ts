import { describe, expect, it } from 'vitest';
import { epilogueFor, judge, type RunEvidence } from '../../../src/exercises/checks';
import type { DecisionCode, Exchange } from '../../../src/mock-api/contract';
import { checkSchema, type Check } from '../../../src/exercises/scenario-schema';

const exchange = (status: number, path = '/endpoint', code: DecisionCode = 'ok'): Exchange => ({
  id: 1,
  at: 0,
  via: 'python',
  method: 'POST',
  url: `https://api.example.com${path}`,
  requestHeaders: [],
  requestBody: '',
  status,
  responseHeaders: [],
  responseBody: '',
  decision: { code, reason: '' },
});

const evidence = (over: Partial<RunEvidence> = {}): RunEvidence => ({
  source: '',
  output: '',
  failureType: null,
  exchanges: [],
  epilogueOutput: '',
  ...over,
});

const checks: Check[] = [
  checkSchema.parse({ kind: 'no-error' }),
  checkSchema.parse({
    kind: 'exchange',
    description: 'A POST to /endpoint should get a 2xx answer.',
    method: 'POST',
    path: '/endpoint',
    status: '2xx',
  }),
  checkSchema.parse({ kind: 'source', description: 'Read the token from os.environ.', matches: 'os\\.environ', notMatches: 'tok_live' }),
  checkSchema.parse({ kind: 'output', description: 'Print the status code.', matches: '^200$' }),
];

describe('judge', () => {
  it('passes when every check holds', () => {
    const verdict = judge(checks, evidence({ source: 'os.environ["T"]', output: '200\n', exchanges: [exchange(401), exchange(200)] }));
    expect(verdict).toEqual({ passed: true, failed: null });
  });

  it('names the first check that fails, in order', () => {
    expect(judge(checks, evidence({ failureType: 'KeyError' })).failed?.index).toBe(0);
    expect(judge(checks, evidence({ exchanges: [exchange(401)] })).failed?.description).toMatch(/2xx/);
    expect(judge(checks, evidence({ exchanges: [exchange(200, '/items')] })).failed?.index).toBe(1);
    const hardCoded = evidence({ source: 'os.environ; "tok_live_x"', exchanges: [exchange(200)] });
    expect(judge(checks, hardCoded).failed?.index).toBe(2);
  });

  it('fails a run that used a forbidden decision', () => {
    const check = checkSchema.parse({ kind: 'no-exchange-with-decision', description: 'No revoked token.', decision: 'revoked_token' });
    expect(judge([check], evidence({ exchanges: [exchange(401, '/endpoint', 'revoked_token')] })).passed).toBe(false);
    expect(judge([check], evidence({ exchanges: [exchange(200)] })).passed).toBe(true);
  });

  it('reads hidden python checks from the epilogue markers', () => {
    const py = [
      checkSchema.parse({ kind: 'python', description: 'make_request() should survive an expiry.', code: 'assert make_request()' }),
    ];
    const epilogue = epilogueFor(py)!;
    expect(epilogue).toContain('assert make_request()');
    expect(judge(py, evidence({ epilogueOutput: '__fix401_check__ 0 ok\n' })).passed).toBe(true);
    expect(judge(py, evidence({ epilogueOutput: '__fix401_check__ 0 fail AssertionError\n' })).passed).toBe(false);
    expect(judge(py, evidence({ epilogueOutput: '' })).passed).toBe(false);
  });
});
