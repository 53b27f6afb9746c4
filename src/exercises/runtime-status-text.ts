/** The words of an exercise's status line: Python's boot, its readiness, and a run that takes a while. */
import type { DownloadProgress } from '../runtime/protocol';
import type { RuntimeStatus } from '../runtime/run-types';

/** Bytes as MB (10⁶) with one decimal. */
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * Python's files arriving: "3.1 of 15.3 MB", or only what arrived when the total is unknown or
 * passed. Sizes of the files as Python gets them (decompressed: ../runtime/download-meter.ts).
 */
export function downloadText({ receivedBytes, totalBytes }: DownloadProgress): string {
  return totalBytes !== null && receivedBytes <= totalBytes
    ? `Downloading Python: ${mb(receivedBytes)} of ${mb(totalBytes)} MB`
    : `Downloading Python: ${mb(receivedBytes)} MB`;
}

/**
 * What the status line says for the shared runtime's state. `downloadNotice` replaces the first boot
 * step when pre-boot skipped the download (data saving, slow link), until the worker reports how
 * much of it has arrived.
 */
export function runtimeStatusText(status: RuntimeStatus, downloadNotice: string | null): string {
  switch (status.state) {
    case 'booting':
      if (status.download) return downloadText(status.download);
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
