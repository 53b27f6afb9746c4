/** The words an exercise shows: its status line, the note after a run, and the verdict. */
import { describe, expect, it } from 'vitest';
import { outcomeNote, sandboxFailureNote } from '../../../src/exercises/run-outcome-text';
import { runningText, runtimeStatusText } from '../../../src/exercises/runtime-status-text';
import { verdictText } from '../../../src/exercises/verdict-text';

describe('runtime status text', () => {
  it('says what Python is doing, and replaces the first boot step with the download when pre-boot skipped it', () => {
    const download = 'Downloading Python…';
    expect(runtimeStatusText({ state: 'booting', detail: 'Starting Python and loading requests…' }, null)).toBe(
      'Starting Python and loading requests…',
    );
    expect(runtimeStatusText({ state: 'booting', detail: 'Starting Python and loading requests…' }, download)).toBe(download);
    expect(runtimeStatusText({ state: 'booting', detail: 'Importing requests…' }, download)).toBe('Importing requests…');
    expect(runtimeStatusText({ state: 'ready', python: '3.14.2', packages: {}, bootMs: 800 }, download)).toBe('Python 3.14.2 ready');
    expect(runtimeStatusText({ state: 'failed', message: 'wasm trap' }, null)).toBe('Python stopped: wasm trap');
    expect(runtimeStatusText({ state: 'idle' }, download)).toBe('');
  });

  it('shows how much of Python has arrived, in place of the notice, as MB with one decimal', () => {
    const booting = (receivedBytes: number, totalBytes: number | null) => ({
      state: 'booting' as const,
      detail: 'Starting Python and loading requests…',
      download: { receivedBytes, totalBytes },
    });
    expect(runtimeStatusText(booting(3_140_000, 15_300_000), 'Downloading Python…')).toBe('Downloading Python: 3.1 of 15.3 MB');
    expect(runtimeStatusText(booting(0, 15_300_000), null)).toBe('Downloading Python: 0.0 of 15.3 MB');
    // No total (astro dev), or more than the build said (another file was fetched): what arrived.
    expect(runtimeStatusText(booting(2_500_000, null), null)).toBe('Downloading Python: 2.5 MB');
    expect(runtimeStatusText(booting(16_000_000, 15_300_000), null)).toBe('Downloading Python: 16.0 MB');
  });

  it('shows a running timer only after 2 s, in whole seconds', () => {
    expect(runningText(1400)).toBeNull();
    expect(runningText(1600)).toBe('Running… 2 s (Stop ends it)');
    expect(runningText(61_000)).toBe('Running… 61 s (Stop ends it)');
  });
});

describe('run outcome notes', () => {
  it('tells how a run ended that the output cannot say itself', () => {
    expect(outcomeNote({ outcome: 'stopped' }, 30, false)).toEqual({
      text: 'Stopped. Python was restarted; your code is unchanged.',
      tone: 'info',
    });
    expect(outcomeNote({ outcome: 'timed-out' }, 10, false)).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/^Stopped after 10 s, the time limit/),
    });
    expect(outcomeNote({ outcome: 'crashed', crashMessage: 'out of memory' }, 30, false)).toMatchObject({
      tone: 'error',
      text: expect.stringMatching(/^Python crashed \(out of memory\)\. A fresh Python is starting/),
    });
    expect(outcomeNote({ outcome: 'crashed' }, 30, false)?.text).toContain('(unknown reason)');
  });

  it('notes silence only for a run that finished and printed nothing; a traceback speaks for itself', () => {
    expect(outcomeNote({ outcome: 'finished' }, 30, true)).toEqual({ text: '(Your code printed nothing.)', tone: 'info' });
    expect(outcomeNote({ outcome: 'finished' }, 30, false)).toBeNull();
    expect(outcomeNote({ outcome: 'failed' }, 30, true)).toBeNull();
  });

  it('explains a sandbox that could not run the code, whatever was thrown', () => {
    expect(sandboxFailureNote(new Error('MSW did not start'))).toEqual({
      text: 'The sandbox could not run your code: MSW did not start',
      tone: 'error',
    });
    expect(sandboxFailureNote('offline').text).toBe('The sandbox could not run your code: offline');
  });
});

describe('verdict text', () => {
  it('praises a pass, and points a failure at its hint only when hints are shown', () => {
    expect(verdictText({ passed: true, failed: null }, true)).toBe('Solved! Every check passed.');
    const failed = { passed: false, failed: { index: 1, description: 'A POST to /endpoint should get a 2xx answer.', hint: 0 } };
    expect(verdictText(failed, true)).toBe('Not yet: A POST to /endpoint should get a 2xx answer. Hint 1 may help.');
    expect(verdictText(failed, false)).toBe('Not yet: A POST to /endpoint should get a 2xx answer.');
    expect(verdictText({ passed: false, failed: { index: 0, description: 'Print the status code.', hint: null } }, true)).toBe(
      'Not yet: Print the status code.',
    );
  });
});
