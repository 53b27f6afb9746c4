/** The words of an exercise's status line: Python's boot, its readiness, and a run that takes a while. */
import type { RuntimeStatus } from '../runtime/run-types';

/**
 * What the status line says for the shared runtime's state. `downloadNotice` replaces the first boot
 * step when pre-boot skipped the download (data saving, slow link), so the learner knows why it waits.
 */
export function runtimeStatusText(status: RuntimeStatus, downloadNotice: string | null): string {
  switch (status.state) {
    case 'booting':
      return downloadNotice && status.detail.startsWith('Starting Python') ? downloadNotice : status.detail;
    case 'ready':
      return `Python ${status.python} ready`;
    case 'failed':
      return `Python stopped: ${status.message}`;
    case 'idle':
      return '';
  }
}

/** A run that prints nothing for a while still shows it is alive and can be stopped; null in its first 2 s. */
export function runningText(elapsedMs: number): string | null {
  const seconds = Math.round(elapsedMs / 1000);
  return seconds >= 2 ? `Running… ${seconds} s (Stop ends it)` : null;
}
