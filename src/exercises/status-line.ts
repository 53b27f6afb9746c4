/**
 * An exercise's status line: the shared Python runtime's boot progress and readiness, and a timer
 * while a long run goes on. A run that waits for Python to boot shows the boot (and the download)
 * instead of the timer.
 */
import { runningText, runtimeStatusText } from './runtime-status-text';

export class StatusLine {
  private runtimeText = '';
  private booting = false;
  private running = false;
  /** Shown while Python boots when pre-boot skipped the download (data saving, slow link), until its progress arrives. */
  private downloadNotice: string | null = null;
  private watched: Promise<void> | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** Saves the course for offline use after a run (set once the status is watched). */
  private offerOfflineCopy: (() => void) | null = null;

  constructor(private readonly el: HTMLElement) {}

  /** Boots Python ahead of the first Run, unless this connection should not download it unasked. */
  async preboot(): Promise<void> {
    try {
      const [{ preboot, downloadNotice }] = await Promise.all([import('./preboot'), this.watch()]);
      // On a data-saving or slow link nothing is fetched now: the first Run downloads Python and says so.
      if ((await preboot()) === 'skipped') this.downloadNotice = downloadNotice();
    } catch {
      // Not fatal: the first Run boots again and shows the reason.
    }
  }

  /** Mirrors the shared runtime's status from now on (once; later calls share the first). */
  watch(): Promise<void> {
    this.watched ??= Promise.all([import('../runtime/client'), import('./preboot')]).then(([{ getRuntime }, { offerOfflineCopy }]) => {
      this.offerOfflineCopy = offerOfflineCopy;
      getRuntime().onStatus((status) => {
        this.booting = status.state === 'booting';
        this.runtimeText = runtimeStatusText(status, this.downloadNotice);
        const downloading = status.state === 'booting' && status.download !== undefined;
        // Once the download is measured (or over), the notice has said its part.
        if (status.state === 'ready' || downloading) this.downloadNotice = null;
        // A live region that changes a few times a second: screen readers hear the step after the download.
        if (downloading) this.el.setAttribute('aria-busy', 'true');
        else this.el.removeAttribute('aria-busy');
        if (!this.running || this.booting) this.el.textContent = this.runtimeText;
      });
    });
    return this.watched;
  }

  runStarted(): void {
    this.running = true;
    const started = Date.now();
    this.ticker = setInterval(() => {
      const text = runningText(Date.now() - started);
      if (text && !this.booting) this.el.textContent = text;
    }, 1000);
  }

  runEnded(): void {
    clearInterval(this.ticker);
    this.running = false;
    this.el.textContent = this.runtimeText;
    // Not on "ready": a first visit that only reads (the idle pre-boot) does not download the course too.
    this.offerOfflineCopy?.();
  }
}
