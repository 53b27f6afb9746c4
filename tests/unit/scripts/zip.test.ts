import { describe, expect, it } from 'vitest';
import { createZip, readZip, storedZip } from '../../../scripts/lib/zip.mjs';

const files = [
  { name: 'pkg/__pycache__/mod.cpython-314.pyc', data: Buffer.from('bytecode '.repeat(40)) },
  { name: 'pkg/mod.py', data: Buffer.from('print("hi")\n'.repeat(40)) },
  { name: 'pkg/__init__.py', data: Buffer.from('') },
];

describe('zip reader and stored rewrite', () => {
  it('reads back what createZip wrote, entry by entry', () => {
    const { entries, comment } = readZip(createZip(files));
    expect(entries.map((e) => [e.name, e.data.toString()])).toEqual(
      [...files].sort((a, b) => a.name.localeCompare(b.name)).map((f) => [f.name, f.data.toString()]),
    );
    expect(entries[0]!.externalAttr >>> 16).toBe(0o100644);
    expect(comment.length).toBe(0);
  });

  it('storedZip keeps every entry, its time and mode, puts bytecode last, stores, and keeps the archive comment', () => {
    const zip = createZip(files);
    // An archive comment, as the benchmark's new deploy adds to a wheel: it must survive the rewrite.
    const commented = Buffer.concat([zip.subarray(0, zip.length - 2), Buffer.from([7, 0]), Buffer.from('rebuilt')]);
    const stored = storedZip(commented);
    const { entries, comment } = readZip(stored);
    expect(comment.toString()).toBe('rebuilt');
    expect(entries.map((e) => e.name)).toEqual(['pkg/__init__.py', 'pkg/mod.py', 'pkg/__pycache__/mod.cpython-314.pyc']);
    const original = readZip(zip).entries;
    for (const entry of entries) {
      const before = original.find((e) => e.name === entry.name)!;
      expect([entry.data, entry.time, entry.date, entry.externalAttr]).toEqual([
        before.data,
        before.time,
        before.date,
        before.externalAttr,
      ]);
    }
    // Method 0 (stored) in the first local header, and the data readable in place.
    expect(stored.readUInt16LE(8)).toBe(0);
    expect(stored.includes(Buffer.from('print("hi")\n'.repeat(40)))).toBe(true);
  });

  it('refuses what is not a ZIP, and a damaged entry', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just some bytes'))).toThrow(/not a ZIP/);
    const zip = createZip([{ name: 'a.py', data: Buffer.from('x = 1\n'.repeat(100)) }]);
    const damaged = Buffer.from(zip);
    damaged[40] ^= 0xff; // inside the deflated body of the only entry
    expect(() => readZip(damaged)).toThrow();
  });
});
