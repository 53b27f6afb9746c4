/**
 * A run's stdout/stderr, kept in order and sent in batches. A flood keeps its head *and* its tail:
 * the first HEAD_CHARS go to the page as they are printed, the last TAIL_CHARS are kept and sent
 * when the run ends, and what lies between is only counted. A program's answer is usually the last
 * thing it prints, and a traceback always is.
 */
import type { OutputChunk } from './protocol';

/** Sent live, as printed. */
export const HEAD_CHARS = 100_000;
/** Kept while the run goes on, sent when it ends. */
export const TAIL_CHARS = 100_000;

/** One batch for the page: `chunks` to append, after a note on `skipped` characters when > 0. */
export interface OutputBatch {
  chunks: OutputChunk[];
  /** Characters printed beyond the head and not (yet) sent: the page says so if the run is stopped. */
  withheld: number;
  /** Characters left out right before `chunks` (only in the final batch of a flood). */
  skipped: number;
}

function appendTo(chunks: OutputChunk[], stream: OutputChunk['stream'], text: string): void {
  const last = chunks.at(-1);
  if (last && last.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

export class OutputBuffer {
  private pending: OutputChunk[] = [];
  private headChars = 0;
  private tail: OutputChunk[] = [];
  private tailChars = 0;
  private withheld = 0;

  write(stream: OutputChunk['stream'], text: string): void {
    const room = HEAD_CHARS - this.headChars;
    if (room > 0) {
      const head = text.slice(0, room);
      this.headChars += head.length;
      appendTo(this.pending, stream, head);
      text = text.slice(head.length);
    }
    if (!text) return;
    this.withheld += text.length;
    appendTo(this.tail, stream, text);
    this.tailChars += text.length;
    this.trimTail();
  }

  /** What to send now (null when there is nothing new). */
  takeLive(): OutputBatch | null {
    if (this.pending.length === 0) return null;
    const batch = { chunks: this.pending, withheld: this.withheld, skipped: 0 };
    this.pending = [];
    return batch;
  }

  /** The last batch of a run: anything pending, then the tail after a count of what was left out. */
  takeFinal(): OutputBatch[] {
    const batches: OutputBatch[] = [];
    const live = this.takeLive();
    if (live) batches.push({ ...live, withheld: 0 });
    if (this.tail.length) batches.push({ chunks: this.tail, withheld: 0, skipped: this.withheld - this.tailChars });
    this.tail = [];
    this.tailChars = 0;
    this.withheld = 0;
    return batches;
  }

  private trimTail(): void {
    // Whole chunks first, then the front of the oldest one: the tail is always the last TAIL_CHARS.
    while (this.tailChars > TAIL_CHARS) {
      const first = this.tail[0];
      const excess = this.tailChars - TAIL_CHARS;
      if (first.text.length <= excess) {
        this.tail.shift();
        this.tailChars -= first.text.length;
      } else {
        first.text = first.text.slice(excess);
        this.tailChars -= excess;
      }
    }
  }
}
