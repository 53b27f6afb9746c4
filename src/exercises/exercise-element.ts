/**
 * <fix401-exercise>: wires one exercise's static HTML (rendered by ExerciseShell.astro) to the
 * sandbox. Kept small: the editor, the runtime and the mock API are imported only when needed.
 */
import type { CodeEditor } from '../editor/types';
import type { Inspector } from '../inspector/index';
import type { ExerciseConfig } from './config';
import type { Exchange } from '../mock-api/contract';
import { batched } from './batch';
import { OutputView } from './output-view';
import type { RunSession } from './run-session';
import { loadCode, onStorageTrouble, recordProgress, saveCode } from './storage';
import { DEFAULT_OPTIONS, type ScenarioOptions } from './url-options';
import { verdictText } from './verdict-text';

/** How often new requests reach the HTTP log while code runs (a human cannot read faster). */
const EXCHANGE_BATCH_MS = 100;

const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 200));

class ExerciseElement extends HTMLElement {
  private config!: ExerciseConfig;
  private code = '';
  private editor: CodeEditor | null = null;
  private editorLoading: Promise<void> | null = null;
  private session: Promise<RunSession> | null = null;
  private output!: OutputView;
  private hintsShown = 0;
  private beforeReset: string | null = null;
  private options: ScenarioOptions = DEFAULT_OPTIONS;
  private statusText = '';
  private inspector: Promise<Inspector> | null = null;
  private runtimeWatched: Promise<void> | null = null;
  private runtimeBooting = false;
  /** Shown while Python boots when pre-boot skipped the download (data saving, slow link). */
  private downloadNotice: string | null = null;

  connectedCallback() {
    const json = this.querySelector('script[data-config]')?.textContent;
    if (!json) return;
    this.config = JSON.parse(json) as ExerciseConfig;
    this.output = new OutputView(this.el('output'));
    this.code = loadCode(this.config.storageKey) ?? this.config.initialCode;
    if (this.code !== this.config.initialCode) this.showStaticCode(this.code);
    this.wire();
    onStorageTrouble((message) => this.notice(message));
    // Pre-boot Python once the exercise is on screen and the page is idle (a few KB of script);
    // MSW and the mock server follow when the learner reaches for the exercise.
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        idle(() => void this.preboot());
      }
    });
    seen.observe(this);
    // The learner reaches for the exercise: load what Run needs before the click lands.
    const warm = () => {
      void this.getSession()
        .then((s) => s.prepare())
        .catch(() => undefined);
      if (this.options.inspector) void import('../inspector/index').catch(() => undefined);
      void import('./share-link').catch(() => undefined);
    };
    this.addEventListener('pointerenter', warm, { once: true });
    this.addEventListener('focusin', warm, { once: true });
  }

  private async preboot() {
    try {
      const [{ preboot, downloadNotice }] = await Promise.all([import('../runtime/preboot'), this.watchRuntime()]);
      // On a data-saving or slow link nothing is fetched now: the first Run downloads Python and says so.
      if ((await preboot()) === 'skipped') this.downloadNotice = downloadNotice();
    } catch {
      // Not fatal: the first Run boots again and shows the reason.
    }
  }

  /** Mirrors the shared runtime's boot progress in this exercise's status line. */
  private watchRuntime(): Promise<void> {
    this.runtimeWatched ??= Promise.all([import('../runtime/client'), import('../runtime/preboot')]).then(
      ([{ getRuntime }, { rememberRuntimeLoaded }]) => {
        getRuntime().onStatus((s) => {
          this.runtimeBooting = s.state === 'booting';
          if (s.state === 'ready') {
            rememberRuntimeLoaded();
            this.downloadNotice = null;
          }
          this.statusText =
            s.state === 'booting'
              ? this.downloadNotice && /^Starting Python/.test(s.detail)
                ? this.downloadNotice
                : s.detail
              : s.state === 'ready'
                ? `Python ${s.python} ready`
                : s.state === 'failed'
                  ? `Python stopped: ${s.message}`
                  : '';
          // A Run that waits for Python to boot shows the boot (and the download) instead of a timer.
          if (this.dataset.state !== 'running' || this.runtimeBooting) this.el('runtime').textContent = this.statusText;
        });
      },
    );
    return this.runtimeWatched;
  }

  /**
   * Switches this element to another scenario (the playground serves every scenario from one page)
   * and applies deep-link options. Only text is rendered here; nothing runs.
   */
  configure(config: ExerciseConfig, options: ScenarioOptions) {
    this.config = config;
    this.options = options;
    this.session = null;
    this.inspector?.then((i) => i.destroy()).catch(() => undefined);
    this.inspector = null;
    this.el('inspector').hidden = true;
    this.dataset.scenario = config.id;
    const { scenario } = config;
    const title = this.querySelector('.exercise-title');
    if (title) title.lastChild!.textContent = ` ${scenario.title}`;
    const summary = this.querySelector('.exercise-head p');
    if (summary) summary.textContent = scenario.summary;
    const hints = this.querySelector('[data-part="hints"]');
    hints?.replaceChildren(
      ...scenario.hints.map((text) => Object.assign(document.createElement('li'), { textContent: text, hidden: true, tabIndex: -1 })),
    );
    this.hintsShown = 0;
    const hintButton = this.querySelector<HTMLButtonElement>('[data-part="hint"]');
    if (hintButton) hintButton.hidden = !options.hints || scenario.hints.length === 0;
    const solutionButton = this.querySelector<HTMLButtonElement>('[data-part="solution"]');
    if (solutionButton) solutionButton.hidden = !options.solution;
    const solution = this.querySelector('[data-part="solution-code"]');
    solution?.replaceChildren(Object.assign(document.createElement('pre'), { textContent: scenario.solution }));
    const code =
      options.code === 'starter'
        ? scenario.starter
        : options.code === 'solution'
          ? scenario.solution
          : (loadCode(config.storageKey) ?? config.initialCode);
    this.loadCode(code);
  }

  /** The code as it is now (editor or static). */
  currentCode(): string {
    return this.editor?.getValue() ?? this.code;
  }

  /** Replaces the code (from a share link or a playground option); it is shown, never run. */
  loadCode(code: string) {
    this.code = code;
    if (this.editor) this.editor.setValue(code);
    else this.showStaticCode(code);
  }

  private el<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-part="${name}"]`)!;
  }

  private wire() {
    const host = this.el('editor');
    const activate = () => void this.loadEditor(true);
    host.addEventListener('focusin', activate, { once: true });
    host.addEventListener('pointerdown', activate, { once: true });
    host.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.run();
    });
    this.el('run').addEventListener('click', () => void this.run());
    this.el<HTMLButtonElement>('run').disabled = false;
    this.el('stop').addEventListener('click', () => void this.stop());
    this.el('reset').addEventListener('click', () => this.reset());
    this.el('undo-reset').addEventListener('click', () => this.undoReset());
    this.el('share').addEventListener('click', () => void this.share());
    this.querySelector('[data-part="hint"]')?.addEventListener('click', () => this.showHint());
    this.querySelector('[data-part="solution"]')?.addEventListener('click', () => this.showSolution());
  }

  private showStaticCode(code: string) {
    const pre = this.el('editor').querySelector('pre');
    if (pre) pre.textContent = code;
  }

  private loadEditor(focus: boolean): Promise<void> {
    this.editorLoading ??= import('../editor/index').then(async ({ createEditor }) => {
      this.editor = await createEditor(this.el('editor'), {
        value: this.code,
        label: `Python code: ${this.config.scenario.title}`,
        onChange: (value) => {
          this.code = value;
          saveCode(this.config.storageKey, value);
        },
        onRun: () => void this.run(),
        onTabModeChange: (moves) =>
          this.notice(
            moves
              ? 'Tab now moves focus out of the editor (Ctrl+M switches back to indenting).'
              : 'Tab indents again (Ctrl+M to leave the editor with Tab).',
          ),
      });
      this.el('editor').classList.add('is-live');
    });
    return this.editorLoading.then(() => {
      if (focus) this.editor?.focus();
    });
  }

  private getSession(): Promise<RunSession> {
    this.session ??= import('./run-session').then(({ RunSession }) => {
      const session = new RunSession(this.config.scenario);
      session.clockOffsetMs = this.options.clockOffsetMs;
      void this.watchRuntime();
      return session;
    });
    return this.session;
  }

  private async run() {
    const run = this.el<HTMLButtonElement>('run');
    if (run.disabled) return;
    run.disabled = true;
    this.el<HTMLButtonElement>('stop').disabled = false;
    this.setVerdict('');
    this.output.clear();
    this.dataset.state = 'running';
    const code = this.editor?.getValue() ?? this.code;
    const started = Date.now();
    // A run that prints nothing for a while still shows it is alive and can be stopped.
    const ticker = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (seconds >= 2 && !this.runtimeBooting) this.el('runtime').textContent = `Running… ${seconds} s (Stop ends it)`;
    }, 1000);
    try {
      const session = await this.getSession();
      const inspector = await this.getInspector(session);
      inspector?.clear();
      const exchanges = batched<Exchange>((items) => items.forEach((e) => inspector?.add(e)), EXCHANGE_BATCH_MS);
      const report = await session
        .run(code, {
          onOutput: (batch) => this.output.append(batch.chunks, batch),
          onExchange: (exchange) => exchanges.push(exchange),
        })
        .finally(() => exchanges.flush());
      const { result, verdict } = report;
      this.output.finishRun();
      if (result.failure) this.output.append([{ stream: 'stderr', text: result.failure.traceback }]);
      if (result.outcome === 'stopped') this.output.note('Stopped. Python was restarted; your code is unchanged.');
      if (result.outcome === 'timed-out')
        this.output.note(
          `Stopped after ${this.config.scenario.timeLimitSeconds} s, the time limit for one run. Is there a loop that never ends? Python was restarted; your code is unchanged.`,
          'error',
        );
      if (result.outcome === 'crashed')
        this.output.note(
          `Python crashed (${result.crashMessage ?? 'unknown reason'}). A fresh Python is starting; your code is unchanged.`,
          'error',
        );
      if (result.outcome === 'finished' && !this.output.text) this.output.note('(Your code printed nothing.)');
      if (this.config.mode === 'exercise' && verdict) {
        recordProgress(this.config.id, verdict.passed ? 'solved' : 'tried');
        this.setVerdict(verdictText(verdict, this.options.hints), verdict.passed);
        this.dispatchEvent(
          new CustomEvent('fix401:verdict', { bubbles: true, detail: { scenario: this.config.id, passed: verdict.passed } }),
        );
      }
    } catch (error) {
      this.output.note(`The sandbox could not run your code: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      clearInterval(ticker);
      this.el('runtime').textContent = this.statusText;
      run.disabled = false;
      this.el<HTMLButtonElement>('stop').disabled = true;
      this.dataset.state = 'idle';
      this.dataset.runs = String(Number(this.dataset.runs ?? '0') + 1);
    }
  }

  /** The HTTP log, loaded with the first run (unless the link says inspector=0). */
  private getInspector(session: RunSession): Promise<Inspector | null> {
    if (!this.options.inspector) return Promise.resolve(null);
    this.inspector ??= import('../inspector/index').then(({ mountInspector }) => {
      const host = this.el('inspector');
      host.hidden = false;
      const { scenario } = this.config;
      return mountInspector(host, {
        clock: session.clock,
        advanceClock: (ms) => session.advanceClock(ms),
        showClock: scenario.showClock,
        referenceExchanges: this.config.mode === 'exercise' ? () => session.referenceExchanges() : undefined,
      });
    });
    return this.inspector;
  }

  private async stop() {
    const { getRuntime } = await import('../runtime/client');
    getRuntime().stop();
  }

  private reset() {
    const current = this.editor?.getValue() ?? this.code;
    if (current === this.config.initialCode) return;
    if (!confirm('Reset the code to the starting point? You can undo this right after.')) return;
    this.beforeReset = current;
    this.loadCode(this.config.initialCode);
    saveCode(this.config.storageKey, this.config.initialCode);
    this.el('undo-reset').hidden = false;
  }

  private undoReset() {
    if (this.beforeReset === null) return;
    this.loadCode(this.beforeReset);
    saveCode(this.config.storageKey, this.beforeReset);
    this.beforeReset = null;
    this.el('undo-reset').hidden = true;
  }

  private async share() {
    // lz-string (≈ 5 KB) loads only when someone shares: lesson pages stay light before interaction.
    const { shareUrl } = await import('./share-link');
    const url = shareUrl(new URL(import.meta.env.BASE_URL, location.href), this.config.id, this.editor?.getValue() ?? this.code);
    const field = this.el<HTMLInputElement>('share-url');
    field.value = url;
    field.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      this.notice('Link copied. Opening it shows this code; it never runs until someone presses Run.');
    } catch {
      this.notice('Copy the link from the field above. Opening it shows this code; it never runs until someone presses Run.');
    }
  }

  private showHint() {
    const items = [...this.querySelectorAll<HTMLElement>('[data-part="hints"] li')];
    const next = items[this.hintsShown];
    if (!next) return;
    next.hidden = false;
    this.hintsShown++;
    next.focus();
    if (this.hintsShown >= items.length) this.el<HTMLButtonElement>('hint').disabled = true;
  }

  private showSolution() {
    if (!confirm('Show the reference solution? Trying one more hint first is often worth it.')) return;
    this.el('solution-code').hidden = false;
  }

  private setVerdict(text: string, passed?: boolean) {
    const verdict = this.querySelector<HTMLElement>('[data-part="verdict"]');
    if (!verdict) return; // runnable examples are not judged
    verdict.textContent = text;
    verdict.dataset.passed = passed === undefined ? '' : String(passed);
    if (passed) this.dataset.solved = 'true';
  }

  private notice(text: string) {
    this.el('notice').textContent = text;
  }
}

if (!customElements.get('fix401-exercise')) customElements.define('fix401-exercise', ExerciseElement);
