import { describe, expect, it } from 'vitest';
import { HEAD_CHARS, OutputBuffer, TAIL_CHARS } from '../../../src/runtime/output-buffer';

const text = (batches: { chunks: { text: string }[] }[]) => batches.flatMap((b) => b.chunks.map((c) => c.text)).join('');

describe('OutputBuffer', () => {
  it('sends small output live and in order, merging a stream written twice in a row', () => {
    const buffer = new OutputBuffer();
    buffer.write('stdout', 'a');
    buffer.write('stdout', 'b');
    buffer.write('stderr', 'c');
    expect(buffer.takeLive()).toEqual({
      chunks: [
        { stream: 'stdout', text: 'ab' },
        { stream: 'stderr', text: 'c' },
      ],
      withheld: 0,
      skipped: 0,
    });
    expect(buffer.takeLive()).toBeNull();
    expect(buffer.takeFinal()).toEqual([]);
  });

  it('keeps the head and the tail of a flood, and counts exactly what lies between', () => {
    const buffer = new OutputBuffer();
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i}\n`);
    const all = lines.join('');
    const live = [];
    for (const line of lines) {
      buffer.write('stdout', line);
      const batch = buffer.takeLive();
      if (batch) live.push(batch);
    }
    buffer.write('stderr', 'Traceback: the end\n');
    const final = buffer.takeFinal();
    expect(text(live)).toBe(all.slice(0, HEAD_CHARS));
    expect(live.at(-1)?.withheld).toBeGreaterThan(0);
    const tail = final.at(-1)!;
    const shownTail = tail.chunks.map((c) => c.text).join('');
    expect(shownTail).toHaveLength(TAIL_CHARS);
    expect((all + 'Traceback: the end\n').endsWith(shownTail)).toBe(true);
    expect(tail.chunks.at(-1)).toEqual({ stream: 'stderr', text: 'Traceback: the end\n' });
    expect(tail.skipped).toBe(all.length + 'Traceback: the end\n'.length - HEAD_CHARS - TAIL_CHARS);
    expect(tail.withheld).toBe(0);
  });

  it('sends a single huge write as head now and tail at the end', () => {
    const buffer = new OutputBuffer();
    buffer.write('stdout', 'x'.repeat(2_000_000) + 'ANSWER');
    expect(text([buffer.takeLive()!])).toHaveLength(HEAD_CHARS);
    const [tail] = buffer.takeFinal();
    expect(text([tail!]).endsWith('ANSWER')).toBe(true);
    expect(tail!.skipped).toBe(2_000_006 - HEAD_CHARS - TAIL_CHARS);
  });
});
