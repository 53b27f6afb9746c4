import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../scripts/lib/zip.mjs';

const pyodideDir = join(import.meta.dirname, '../../../public/pyodide');

/** Entry names of a zip (scripts/lib/zip.mjs reads it whole, checking every entry's CRC). */
const zipNames = (path: string) => readZip(readFileSync(path)).entries.map((entry) => entry.name);

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
