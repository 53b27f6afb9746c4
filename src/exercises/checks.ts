/**
 * The check engine: judges one run of the learner's code against a scenario's checks.
 * Pure functions over evidence (source, output, server log, hidden-check results), so the same
 * judgement runs in unit tests and in the page.
 */
import type { Exchange } from '../mock-api/contract';
import type { Check } from './scenario-schema';

export interface RunEvidence {
  source: string;
  /** Everything the learner's code printed (stdout and stderr, in order). */
  output: string;
  /** Exception type the learner's code ended with, or null. */
  failureType: string | null;
  /** The server's log for this run. */
  exchanges: readonly Exchange[];
  /** Output of the hidden epilogue built by `epilogueFor`. */
  epilogueOutput: string;
}

export interface Verdict {
  passed: boolean;
  /** The first check not met (and the hint that helps, if the scenario names one), or null when all passed. */
  failed: { index: number; description: string; hint: number | null } | null;
}

const MARKER = '__fix401_check__';

/** Hidden Python that runs each `python` check and reports, one line per check, whether it held. */
export function epilogueFor(checks: readonly Check[]): string | undefined {
  const blocks = checks.flatMap((check, index) =>
    check.kind === 'python'
      ? [
          `try:\n    exec(${JSON.stringify(check.code)}, globals())\n    print("${MARKER} ${index} ok")\n` +
            `except BaseException as _e:\n    print("${MARKER} ${index} fail", type(_e).__name__, _e)`,
        ]
      : [],
  );
  return blocks.length ? blocks.join('\n') : undefined;
}

function statusMatches(pattern: string, status: number): boolean {
  return pattern.endsWith('xx') ? String(status)[0] === pattern[0] : Number(pattern) === status;
}

function exchangeMatches(check: Extract<Check, { kind: 'exchange' }>, e: Exchange): boolean {
  const url = new URL(e.url);
  return (
    url.hostname === check.host &&
    (!check.path || url.pathname === check.path) &&
    (!check.method || e.method.toUpperCase() === check.method.toUpperCase()) &&
    statusMatches(check.status, e.status)
  );
}

function holds(check: Check, index: number, evidence: RunEvidence): boolean {
  switch (check.kind) {
    case 'no-error':
      return evidence.failureType === null;
    case 'exchange':
      return evidence.exchanges.some((e) => exchangeMatches(check, e));
    case 'no-exchange-with-decision':
      return !evidence.exchanges.some((e) => e.decision.code === check.decision);
    case 'output':
      return new RegExp(check.matches, 'm').test(evidence.output);
    case 'source':
      return (
        (!check.matches || new RegExp(check.matches, 'm').test(evidence.source)) &&
        (!check.notMatches || !new RegExp(check.notMatches, 'm').test(evidence.source))
      );
    case 'python':
      return evidence.epilogueOutput.split('\n').includes(`${MARKER} ${index} ok`);
  }
}

/** The hint for a failed check: by the server's decision on the last request to its route, else the check's own. */
function hintFor(check: Check, evidence: RunEvidence): number | null {
  if (check.kind === 'exchange') {
    const sameRoute = evidence.exchanges.filter((e) => exchangeMatches({ ...check, status: `${e.status}` }, e));
    const decision = sameRoute.at(-1)?.decision.code;
    if (decision !== undefined && check.hintFor[decision] !== undefined) return check.hintFor[decision];
  }
  return check.hint ?? null;
}

/** Judges a run: passes when every check holds; otherwise names the first that does not. */
export function judge(checks: readonly Check[], evidence: RunEvidence): Verdict {
  const index = checks.findIndex((check, i) => !holds(check, i, evidence));
  if (index === -1) return { passed: true, failed: null };
  const check = checks[index];
  return { passed: false, failed: { index, description: check.description, hint: hintFor(check, evidence) } };
}
