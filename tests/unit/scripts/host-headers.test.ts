import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControl, headersFile } from '../../../scripts/lib/host-headers.mjs';

function builtSite(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-dist-'));
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
}

describe('host headers', () => {
  it('keeps content-hashed assets a year, the versioned runtime included, and revalidates everything else', () => {
    expect(cacheControl('/_astro/page.cNngjUgL.js')).toContain('immutable');
    expect(cacheControl('/pyodide/0123456789abcdef/pyodide.asm.wasm')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('/lessons/summary/')).toBe('public, max-age=0, must-revalidate');
    // The service worker: a browser finds a new deploy only by fetching it again.
    expect(cacheControl('/sw.js')).toBe('public, max-age=0, must-revalidate');
    expect(cacheControl('/mockServiceWorker.js')).toBe('public, max-age=0, must-revalidate');
  });

  it('writes a _headers file whose rules never set the same header twice for one path', () => {
    const file: string = headersFile(builtSite('<script>console.log(1)</script>'));
    const rules = file.split(/\n(?=\/)/).map((block) => {
      const [path, ...lines] = block.trim().split('\n');
      return { path, names: lines.map((l) => l.trim().split(':')[0]) };
    });
    expect(rules.map((r) => r.path)).toEqual(['/*', '/_astro/*', '/pyodide/*']);
    const [all, hashed, runtime] = rules;
    expect(all.names).toContain('Content-Security-Policy');
    expect(hashed.names).toEqual(['Cache-Control']);
    expect(runtime.names).toEqual(['Cache-Control']);
    expect(all.names).not.toContain('Cache-Control');
    expect(file).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  });

  it("puts a subpath build's rules under its base path", () => {
    const file: string = headersFile(builtSite('<p>hi</p>'), '/fix401/');
    expect(file.split('\n').filter((l) => l.startsWith('/'))).toEqual(['/fix401/*', '/fix401/_astro/*', '/fix401/pyodide/*']);
  });
});
