import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pickEncoding, precompress } from '../../../scripts/lib/precompress.mjs';

describe('precompressed copies', () => {
  it('writes .br and .gz next to large text and wasm files, nothing for small, zipped or tiny ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fix401-precompress-'));
    mkdirSync(join(dir, 'pyodide/abc'), { recursive: true });
    const wasm = Buffer.from('\0asm'.repeat(5000));
    writeFileSync(join(dir, 'pyodide/abc/pyodide.asm.wasm'), wasm);
    writeFileSync(join(dir, 'index.html'), '<p>lesson</p>'.repeat(200));
    writeFileSync(join(dir, 'small.js'), 'export {};');
    writeFileSync(join(dir, 'pyodide/abc/python_stdlib.zip'), 'PK'.repeat(2000));
    const totals = await precompress(dir);
    expect(totals.files).toBe(2);
    expect(brotliDecompressSync(readFileSync(join(dir, 'pyodide/abc/pyodide.asm.wasm.br')))).toEqual(wasm);
    expect(gunzipSync(readFileSync(join(dir, 'pyodide/abc/pyodide.asm.wasm.gz')))).toEqual(wasm);
    expect(existsSync(join(dir, 'index.html.br'))).toBe(true);
    expect(existsSync(join(dir, 'small.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'pyodide/abc/python_stdlib.zip.gz'))).toBe(false);
  });

  it('keeps results in a cache keyed by content, so an unchanged file is not compressed again', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'fix401-precompress-cache-'));
    const site = () => {
      const dir = mkdtempSync(join(tmpdir(), 'fix401-precompress-'));
      writeFileSync(join(dir, 'a.js'), 'export const a = 1;'.repeat(100));
      writeFileSync(join(dir, 'b.js'), 'export const b = 2;'.repeat(100));
      return dir;
    };
    expect((await precompress(site(), cache)).reused).toBe(0);
    const again = site();
    writeFileSync(join(again, 'b.js'), 'export const b = 3;'.repeat(100));
    expect((await precompress(again, cache)).reused).toBe(1);
    expect(gunzipSync(readFileSync(join(again, 'b.js.gz'))).toString()).toBe('export const b = 3;'.repeat(100));
  });
});

describe('pickEncoding (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  const both = ['br', 'gzip'];
  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br;q=0.5, gzip', both, 'gzip'],
    ['br;q=0, gzip;q=0', both, null],
    ['gzip;q=0, *', both, 'br'],
    ['*', ['gzip'], 'gzip'],
    ['identity', both, null],
    ['BR', both, 'br'],
    ['br', ['gzip'], null],
    [undefined, both, null],
    ['', both, null],
  ])('%s with %j copies → %s', (header, available, expected) => {
    expect(pickEncoding(header, available)).toBe(expected);
  });
});
