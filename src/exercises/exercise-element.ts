/**
 * <fix401-exercise>: wires one exercise's static HTML (rendered by ExerciseShell.astro) to the
 * sandbox: the code and its editor, the buttons, hints and sharing. Runs belong to ExerciseRunner.
 * Kept small: the editor, the runtime and the mock API are imported only when needed.
 */
import type { CodeEditor } from '../editor/types';
import type { ExerciseConfig } from './config';
import { applyHelpOptions, wireHelp } from './exercise-help';
import { ExerciseRunner } from './exercise-run';
import { OutputView } from './output-view';
import { runtimeLoadedBefore } from '../runtime/runtime-loaded';
import { shareCode } from './share-button';
import { StatusLine } from './status-line';
import { loadCode, onStorageTrouble, saveCode } from './storage';
import { DEFAULT_OPTIONS, type ScenarioOptions } from './url-options';

const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 200));

export class ExerciseElement extends HTMLElement {
  private config!: ExerciseConfig;
  private code = '';
  private editor: CodeEditor | null = null;
  private editorLoading: Promise<void> | null = null;
  private output!: OutputView;
  private status!: StatusLine;
  private runner!: ExerciseRunner;
  private beforeReset: string | null = null;

  connectedCallback() {
    const json = this.querySelector('script[data-config]')?.textContent;
    if (!json) return;
    this.config = JSON.parse(json) as ExerciseConfig;
    this.output = new OutputView(this.el('output'));
    this.status = new StatusLine(this.el('runtime'));
    this.runner = this.createRunner(DEFAULT_OPTIONS);
    this.code = loadCode(this.config.storageKey) ?? this.config.initialCode;
    if (this.code !== this.config.initialCode) this.showStaticCode(this.code);
    this.wire();
    onStorageTrouble((message) => this.notice(message));
    // Pre-boot Python once the exercise is on screen and the page is idle (a few KB of script);
    // MSW and the mock server follow when the learner reaches for the exercise. A browser that has
    // booted Python before reads it back from its caches, with no download to keep out of the
    // page's way: it starts at once (requestIdleCallback may wait up to its 3 s timeout on a busy page).
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        // Then what a Run needs on the page, so the click finds it loaded (not MSW: see run-session.ts).
        const start = () => void this.status.preboot().then(() => this.runner.preload());
        if (runtimeLoadedBefore()) start();
        else idle(start);
      }
    });
    seen.observe(this);
    const warm = () => {
      this.runner.warm();
      void import('./share-link').catch(() => undefined);
    };
    this.addEventListener('pointerenter', warm, { once: true });
    this.addEventListener('focusin', warm, { once: true });
  }

  /**
   * Applies a link's options (playground and embed): the clock, hints, solution, HTTP log and which
   * code to show. Call it before the learner can press Run; nothing runs here.
   */
  applyOptions(options: ScenarioOptions) {
    this.runner.dispose();
    this.runner = this.createRunner(options);
    applyHelpOptions(this, options);
    if (options.code === 'starter') this.loadCode(this.config.scenario.starter);
    if (options.code === 'solution') this.loadCode(this.config.scenario.solution);
  }

  /** The code as it is now (editor or static). */
  currentCode(): string {
    return this.editor?.getValue() ?? this.code;
  }

  /** Replaces the code (from a share link or a link option); it is shown, never run. */
  loadCode(code: string) {
    this.code = code;
    if (this.editor) this.editor.setValue(code);
    else this.showStaticCode(code);
  }

  private el(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  }

  private button(name: 'run' | 'stop'): HTMLButtonElement {
    return this.el(name) as HTMLButtonElement;
  }

  private createRunner(options: ScenarioOptions): ExerciseRunner {
    return new ExerciseRunner(this.config, options, {
      host: this,
      runButton: this.button('run'),
      stopButton: this.button('stop'),
      output: this.output,
      status: this.status,
      inspectorHost: this.el('inspector'),
      verdict: this.querySelector<HTMLElement>('[data-part="verdict"]'),
    });
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
    this.button('run').disabled = false;
    this.el('stop').addEventListener('click', () => this.runner.stop());
    this.el('reset').addEventListener('click', () => this.reset());
    this.el('undo-reset').addEventListener('click', () => this.undoReset());
    this.el('share').addEventListener(
      'click',
      () => void shareCode(this.el('share-url') as HTMLInputElement, this.config.id, this.currentCode(), (text) => this.notice(text)),
    );
    wireHelp(this);
  }

  private run(): Promise<void> {
    return this.runner.run(this.currentCode());
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

  private reset() {
    const current = this.currentCode();
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

  private notice(text: string) {
    this.el('notice').textContent = text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fix401-exercise': ExerciseElement;
  }
}

if (!customElements.get('fix401-exercise')) customElements.define('fix401-exercise', ExerciseElement);
