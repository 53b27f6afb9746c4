/** The words of a verdict, as the exercise announces them (and the CPython oracle compares them). */
import type { Verdict } from './checks';

export function verdictText(verdict: Verdict, showHints: boolean): string {
  if (verdict.passed) return 'Solved! Every check passed.';
  const hint = verdict.failed?.hint;
  const pointer = hint !== null && hint !== undefined && showHints ? ` Hint ${hint + 1} may help.` : '';
  return `Not yet: ${verdict.failed?.description ?? ''}${pointer}`;
}
