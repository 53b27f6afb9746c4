/**
 * An exercise's runs, from the Run button to the verdict: owns the exercise's run session and its
 * HTTP log (both loaded on first use), writes the output, announces the verdict and records progress.
 */
import type { Inspector } from '../inspector/index';
import type { Exchange } from '../mock-api/contract';
import type { Verdict } from './checks';
import { batched } from './batch';
import type { ExerciseConfig } from './config';
import type { OutputView } from './output-view';
import { outcomeNote, sandboxFailureNote } from './run-outcome-text';
import type { RunSession } from './run-session';
import type { StatusLine } from './status-line';
import { recordProgress } from './storage';
import type { ScenarioOptions } from './url-options';
import { verdictText } from './verdict-text';

/** How often new requests reach the HTTP log while code runs (a human cannot read faster). */
const EXCHANGE_BATCH_MS = 100;

/** The parts of the exercise that runs drive. */
export interface RunParts {
  /** The element: its `data-state`, `data-runs` and `data-solved`, and the `fix401:verdict` event. */
  host: HTMLElement;
  runButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  output: OutputView;
  status: StatusLine;
  inspectorHost: HTMLElement;
  /** Absent for runnable examples: they are not judged. */
  verdict: HTMLElement | null;
}

/** What the `fix401:verdict` event says when a run of an exercise is judged (it bubbles from the element). */
export interface VerdictDetail {
  scenario: string;
  passed: boolean;
}

export class ExerciseRunner {
  private session: Promise<RunSession> | null = null;
  private inspector: Promise<Inspector> | null = null;

  constructor(
    private readonly config: ExerciseConfig,
    private readonly options: ScenarioOptions,
    private readonly parts: RunParts,
  ) {}

  /** The learner reached for the exercise: load what Run needs before the click lands. */
  warm(): void {
    void this.getSession()
      .then((session) => session.prepare())
      .catch(() => undefined);
    if (this.options.inspector) void import('../inspector/index').catch(() => undefined);
  }

  /** Python is ready on this page: load this exercise's run session now rather than on the click. */
  preload(): void {
    void this.getSession().catch(() => undefined);
  }

  async run(code: string): Promise<void> {
    const { host, runButton, stopButton, output, status } = this.parts;
    if (runButton.disabled) return;
    runButton.disabled = true;
    stopButton.disabled = false;
    this.showVerdict('');
    output.clear();
    host.dataset.state = 'running';
    status.runStarted();
    try {
      const session = await this.getSession();
      // The HTTP log loads beside the run, not before it: its first requests wait for it here.
      const inspector = this.getInspector(session).catch(() => null);
      void inspector.then((log) => log?.clear());
      const exchanges = batched<Exchange>((items) => void inspector.then((log) => items.forEach((e) => log?.add(e))), EXCHANGE_BATCH_MS);
      const { result, verdict } = await session
        .run(code, {
          onOutput: (batch) => output.append(batch.chunks, batch),
          onExchange: (exchange) => exchanges.push(exchange),
        })
        .finally(() => exchanges.flush());
      output.finishRun();
      if (result.failure) output.append([{ stream: 'stderr', text: result.failure.traceback }]);
      const note = outcomeNote(result, this.config.scenario.timeLimitSeconds, !output.text);
      if (note) output.note(note.text, note.tone);
      if (this.config.mode === 'exercise' && verdict) this.judged(verdict);
    } catch (error) {
      const note = sandboxFailureNote(error);
      output.note(note.text, note.tone);
    } finally {
      status.runEnded();
      runButton.disabled = false;
      stopButton.disabled = true;
      host.dataset.state = 'idle';
      host.dataset.runs = String(Number(host.dataset.runs ?? '0') + 1);
    }
  }

  stop(): void {
    void this.session?.then((session) => session.stop());
  }

  /** This runner is being replaced (the page applied link options): its HTTP log goes with it. */
  dispose(): void {
    this.inspector?.then((inspector) => inspector.destroy()).catch(() => undefined);
    this.parts.inspectorHost.hidden = true;
  }

  private getSession(): Promise<RunSession> {
    this.session ??= import('./run-session').then(({ RunSession }) => {
      void this.parts.status.watch();
      return new RunSession(this.config.scenario, this.options.clockOffsetMs);
    });
    return this.session;
  }

  /** The HTTP log, loaded with the first run (unless the link says inspector=0). */
  private getInspector(session: RunSession): Promise<Inspector | null> {
    if (!this.options.inspector) return Promise.resolve(null);
    this.inspector ??= import('../inspector/index').then(({ mountInspector }) => {
      const host = this.parts.inspectorHost;
      host.hidden = false;
      return mountInspector(host, {
        clock: session.clock,
        advanceClock: (ms) => session.advanceClock(ms),
        showClock: this.config.scenario.showClock,
        referenceExchanges: this.config.mode === 'exercise' ? () => session.referenceExchanges() : undefined,
      });
    });
    return this.inspector;
  }

  private judged(verdict: Verdict): void {
    recordProgress(this.config.id, verdict.passed ? 'solved' : 'tried');
    this.showVerdict(verdictText(verdict, this.options.hints), verdict.passed);
    const detail: VerdictDetail = { scenario: this.config.id, passed: verdict.passed };
    this.parts.host.dispatchEvent(new CustomEvent('fix401:verdict', { bubbles: true, detail }));
  }

  private showVerdict(text: string, passed?: boolean): void {
    const { verdict, host } = this.parts;
    if (!verdict) return;
    verdict.textContent = text;
    verdict.dataset.passed = passed === undefined ? '' : String(passed);
    if (passed) host.dataset.solved = 'true';
  }
}
