/**
 * The practice API's failing answer to every scenario's starter, as a learner would paste it into
 * the 401 doctor; the doctor's browser test (tests/e2e/doctor-scenarios.spec.ts) feeds it with the
 * starter and with each named wrong answer. Generated here from a real run (native CPython, the same mock core)
 * and compared with the committed file, so it cannot drift from the scenarios; regenerate with
 * UPDATE_DOCTOR_RESPONSES=1 and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Exchange } from '../../src/mock-api/contract';
import { collectJobs } from './jobs';
import { runInCPython } from './run-python';

const fixture = join(import.meta.dirname, '../fixtures/doctor-scenarios/responses.json');

/**
 * The failing answer as raw HTTP: the first refusal (4xx/5xx) the run got, where it went wrong
 * (later ones follow from it: a token request refused, then the API called with no token), else
 * its last answer.
 */
function asPasted(exchanges: Exchange[]): string | null {
  const last = exchanges.find((e) => e.status >= 400) ?? exchanges[exchanges.length - 1];
  if (!last) return null;
  const statusLine = last.rawResponse?.split('\r\n', 1)[0] ?? `HTTP/1.1 ${last.status}`;
  const headers = last.responseHeaders.filter(([name]) => name.toLowerCase() !== 'content-length').map(([n, v]) => `${n}: ${v}`);
  return [statusLine, ...headers, '', last.responseBody].join('\n');
}

/**
 * A traceback as a learner would paste it: the frames of their own code and the exception, without
 * the library frames (their paths name this machine's venv) or the caret lines (they vary by version).
 */
function pastedTraceback(traceback: string): string {
  const lines = traceback.trim().split('\n');
  const own: string[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('  File "main.py"')) own.push(line, lines[i + 1] ?? '');
  });
  return [lines[0], ...own, lines[lines.length - 1]].join('\n');
}

it("every starter's failing response is the committed one", { timeout: 300_000 }, async () => {
  // With the hidden checks' epilogue, as a Run judges it: some starters fail only there (a token that expires later).
  const starters = collectJobs().filter((j) => j.transcript === 'scenarios' && j.label === 'starter');
  const { results, exchanges } = await runInCPython(
    starters.map((j) => ({ id: j.id, code: j.code, scenario: j.scenario, epilogue: j.epilogue })),
  );
  const responses: Record<string, string> = {};
  for (const job of starters) {
    // A starter that raises before anything is sent (an InvalidHeader) is pasted as its traceback.
    responses[job.section] = asPasted(exchanges.get(job.id) ?? []) ?? pastedTraceback(results.get(job.id)!.traceback);
  }
  const text = JSON.stringify(responses, null, 2) + '\n';
  if (process.env.UPDATE_DOCTOR_RESPONSES) writeFileSync(fixture, text);
  expect(text, 'a starter now gets another answer: review, then regenerate with UPDATE_DOCTOR_RESPONSES=1').toBe(
    readFileSync(fixture, 'utf8'),
  );
});
