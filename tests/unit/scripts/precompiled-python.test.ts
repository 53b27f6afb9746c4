import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pyodideDir = join(import.meta.dirname, '../../../public/pyodide');

/** Entry names from a zip's central directory (enough for a listing; no decompression). */
function zipNames(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

// public/pyodide is made by `npm install` (scripts/provision-wheels.mjs); these check its output.
// npm install provisions public/pyodide/; without it this fails rather than skipping.
describe('provisioned Python ships bytecode next to its sources', () => {
  it('the stdlib zip has .pyc beside .py for what a boot imports, and keeps every source', () => {
    const names = new Set(zipNames(join(pyodideDir, 'python_stdlib.zip')));
    for (const module of ['json/__init__', 'email/message', 'http/client', 'encodings/idna', 'asyncio/__init__']) {
      expect(names.has(`${module}.py`), module).toBe(true);
      expect(names.has(`${module}.pyc`), module).toBe(true);
    }
  });

  it('every module in every wheel has its __pycache__ bytecode', () => {
    const wheels = readdirSync(pyodideDir).filter((f) => f.endsWith('.whl'));
    expect(wheels).toHaveLength(5);
    for (const wheel of wheels) {
      const names = zipNames(join(pyodideDir, wheel));
      const sources = names.filter((n) => n.endsWith('.py'));
      expect(sources.length, wheel).toBeGreaterThan(0);
      for (const source of sources) {
        const [, folder, name] = /^(.*?)\/?([^/]+)\.py$/.exec(source)!;
        expect(names, `${wheel}: ${source}`).toContain(`${folder ? `${folder}/` : ''}__pycache__/${name}.cpython-314.pyc`);
      }
    }
  });
});
