/** Renders a run's output: stdout as text, stderr and tracebacks marked, notes from the sandbox set apart. */
import type { OutputChunk } from '../runtime/protocol';

export class OutputView {
  /** Characters printed past the live head and not shown yet (a flood's tail arrives when the run ends). */
  private withheld = 0;
  constructor(private readonly pre: HTMLElement) {}

  clear() {
    this.pre.replaceChildren();
    this.withheld = 0;
  }

  /** Appends output; `skipped` characters were left out right before these chunks (the middle of a flood). */
  append(chunks: readonly OutputChunk[], { withheld = 0, skipped = 0 } = {}) {
    if (skipped > 0)
      this.note(`… ${skipped.toLocaleString('en')} characters of output left out here; the first and the last 100,000 are shown …`);
    for (const chunk of chunks) {
      const last = this.pre.lastElementChild as HTMLElement | null;
      if (last?.dataset.stream === chunk.stream) last.append(chunk.text);
      else this.span(chunk.stream, chunk.text);
    }
    this.withheld = withheld;
  }

  /** A message from the sandbox itself (not printed by the learner's code). */
  note(text: string, tone: 'info' | 'error' = 'info') {
    this.span(tone === 'error' ? 'note-error' : 'note', (this.pre.childNodes.length ? '\n' : '') + text + '\n');
  }

  finishRun() {
    // Only when the run was stopped before its tail arrived.
    if (this.withheld > 0)
      this.note(
        `… ${this.withheld.toLocaleString('en')} more characters of output were not shown (the run ended before its last lines arrived).`,
      );
  }

  get text(): string {
    return this.pre.textContent ?? '';
  }

  private span(kind: string, text: string) {
    const span = document.createElement('span');
    span.dataset.stream = kind;
    span.textContent = text;
    this.pre.append(span);
  }
}
