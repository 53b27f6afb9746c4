import { describe, expect, it, vi } from 'vitest';
import { packSnapshot, SNAPSHOT_FORMAT, unpackSnapshot } from '../../../src/runtime/snapshot-format';
import { runtimeKey, snapshotUrl, streamOf } from '../../../src/runtime/snapshot-store';

const KEY = '0123456789abcdef-fedcba9876543210-00112233aabbccdd';
const bytes = (...values: number[]) => new Uint8Array(values);

/** What Cache Storage keeps: the parts as saveSnapshot streams them. */
async function stored(parts: Uint8Array[]): Promise<ArrayBuffer> {
  return new Response(streamOf(parts, 1000)).arrayBuffer();
}

const contents = () => ({
  runtimeKey: KEY,
  files: [
    { path: '/requests/__init__.py', data: new TextEncoder().encode('__version__ = "2.34.2"\n') },
    { path: '/certifi/cacert.pem', data: bytes(1, 2, 3) },
    { path: '/empty.txt', data: bytes() },
  ],
  memory: Uint8Array.from({ length: 4096 }, (_, i) => i % 251),
});

describe('snapshot format', () => {
  it('gives back the files and the memory it was given, the memory on a 16-byte boundary', async () => {
    const buffer = await stored(packSnapshot(contents()));
    const back = unpackSnapshot(buffer, KEY);
    expect(back.files.map((f) => [f.path, [...f.data]])).toEqual(contents().files.map((f) => [f.path, [...f.data]]));
    expect([...back.memory]).toEqual([...contents().memory]);
    expect(back.memory.byteOffset % 16).toBe(0);
    // Pyodide reads the memory part as 32-bit words.
    expect(() => new Uint32Array(back.memory.buffer, back.memory.byteOffset, back.memory.byteLength / 4)).not.toThrow();
  });

  it('is stable whatever the header length (the header names its own end)', async () => {
    for (const name of ['a', 'a'.repeat(15), 'a'.repeat(16), 'a'.repeat(1000)]) {
      const c = { ...contents(), files: [{ path: `/${name}`, data: bytes(7) }] };
      const back = unpackSnapshot(await stored(packSnapshot(c)), KEY);
      expect(back.files[0]!.path).toBe(`/${name}`);
      expect(back.memory.length).toBe(4096);
    }
  });

  it("refuses another runtime's snapshot, another format, a cut-short one and one that is not ours", async () => {
    const buffer = await stored(packSnapshot(contents()));
    expect(() => unpackSnapshot(buffer, KEY.replace('0', '1'))).toThrow(/made by runtime/);
    expect(() => unpackSnapshot(buffer.slice(0, buffer.byteLength - 1), KEY)).toThrow(/bytes, the header says/);
    expect(() => unpackSnapshot(buffer.slice(0, 8), KEY)).toThrow(/too short/);
    const other = buffer.slice(0);
    new DataView(other).setUint32(4, SNAPSHOT_FORMAT + 1, true);
    expect(() => unpackSnapshot(other, KEY)).toThrow(/format/);
    expect(() => unpackSnapshot(new Uint8Array(64).buffer, KEY)).toThrow(/not a Fix401 snapshot/);
  });
});

describe('snapshot key', () => {
  it('is made of the content hashes of the core, the stdlib and the lock file', () => {
    const key = runtimeKey({
      core: '0123456789abcdef/',
      stdlib: 'fedcba9876543210/python_stdlib.zip',
      lock: '00112233aabbccdd/pyodide-lock.json',
    });
    expect(key).toBe(KEY);
    expect(snapshotUrl('https://x.test/fix401/pyodide/', key!)).toBe(`https://x.test/fix401/pyodide/snapshot/v${SNAPSHOT_FORMAT}/${KEY}`);
  });

  it('is null where the runtime files carry no hash (astro dev): nothing would tell two runtimes apart', () => {
    expect(runtimeKey({ core: '', stdlib: 'python_stdlib.zip', lock: 'pyodide-lock.json' })).toBeNull();
  });
});

describe('the snapshot streamed to Cache Storage', () => {
  it('hands over the parts in order, in chunks of at most the size asked, one chunk per pull, empty parts skipped', async () => {
    const parts = [bytes(1, 2, 3, 4, 5), bytes(), bytes(6), Uint8Array.from({ length: 10 }, (_, i) => 10 + i)];
    const reader = streamOf(parts, 4).getReader();
    const chunks: number[][] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push([...read.value]);
    expect(chunks).toEqual([[1, 2, 3, 4], [5], [6], [10, 11, 12, 13], [14, 15, 16, 17], [18, 19]]);
    // Views of the parts, not copies: the 34 MB are not copied again on their way out.
    const big = new Uint8Array(64);
    const first = await streamOf([big], 16).getReader().read();
    expect(first.value!.buffer).toBe(big.buffer);
  });

  it('cuts a chunk only when the reader asks (one task hands over one chunk, then yields)', async () => {
    const part = new Uint8Array(1000);
    const cut = vi.spyOn(part, 'subarray');
    const reader = streamOf([part], 100).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 0));
    // The chunk read and at most one queued behind it, not the ten an eager stream would cut at once.
    expect(cut.mock.calls.length).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});
