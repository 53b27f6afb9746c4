/** Renders a run's output: stdout as text, stderr and tracebacks marked, notes from the sandbox set apart. */
import type { OutputChunk } from '../runtime/protocol';

export class OutputView {
  private dropped = 0;
  constructor(private readonly pre: HTMLElement) {}

  clear() {
    this.pre.replaceChildren();
    this.dropped = 0;
  }

  append(chunks: readonly OutputChunk[], dropped = 0) {
    for (const chunk of chunks) {
      const last = this.pre.lastElementChild as HTMLElement | null;
      if (last?.dataset.stream === chunk.stream) last.append(chunk.text);
      else this.span(chunk.stream, chunk.text);
    }
    this.dropped = Math.max(this.dropped, dropped);
  }

  /** A message from the sandbox itself (not printed by the learner's code). */
  note(text: string, tone: 'info' | 'error' = 'info') {
    this.span(tone === 'error' ? 'note-error' : 'note', (this.pre.childNodes.length ? '\n' : '') + text + '\n');
  }

  finishRun() {
    if (this.dropped > 0)
      this.note(`… ${this.dropped.toLocaleString('en')} more characters of output were not shown (the sandbox shows the first 200,000).`);
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
