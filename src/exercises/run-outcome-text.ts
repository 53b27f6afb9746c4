/** What the output panel adds after a run, in the sandbox's own voice (not printed by the learner's code). */
import type { RunResult } from '../runtime/run-types';

export interface OutcomeNote {
  text: string;
  tone: 'info' | 'error';
}

/** The note for how a run ended, or null when the output speaks for itself. */
export function outcomeNote(
  result: Pick<RunResult, 'outcome' | 'crashMessage'>,
  timeLimitSeconds: number,
  printedNothing: boolean,
): OutcomeNote | null {
  switch (result.outcome) {
    case 'stopped':
      return { text: 'Stopped. Python was restarted; your code is unchanged.', tone: 'info' };
    case 'timed-out':
      return {
        text: `Stopped after ${timeLimitSeconds} s, the time limit for one run. Is there a loop that never ends? Python was restarted; your code is unchanged.`,
        tone: 'error',
      };
    case 'crashed':
      return {
        text: `Python crashed (${result.crashMessage ?? 'unknown reason'}). A fresh Python is starting; your code is unchanged.`,
        tone: 'error',
      };
    case 'finished':
      return printedNothing ? { text: '(Your code printed nothing.)', tone: 'info' } : null;
    case 'failed':
      return null;
  }
}

/** The note when the sandbox itself could not run the code (its runtime or mock failed to load). */
export function sandboxFailureNote(error: unknown): OutcomeNote {
  return { text: `The sandbox could not run your code: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' };
}
