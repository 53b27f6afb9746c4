import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlineManifest, serviceWorkerScript } from '../../../scripts/lib/offline-manifest.mjs';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-offline-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SITE = {
  'index.html': 'home',
  '404.html': 'missing',
  'lessons/a/index.html': 'lesson a',
  '_astro/x.abc123.js': 'js',
  '_astro/x.abc123.js.br': 'compressed',
  'pyodide/0123456789abcdef/pyodide.asm.wasm': 'wasm',
  'pyodide/0123456789abcdef/pyodide.asm.wasm.gz': 'compressed',
  'pagefind/pagefind.js': 'search',
  'sitemap-index.xml': 'x',
  'favicon.svg': 'icon',
  _headers: 'h',
  'mockServiceWorker.js': 'msw',
  'sw.js': 'old worker',
};

describe('offline manifest', () => {
  it('lists pages as their URLs and the files a page needs, under the base, without compressed copies or search', () => {
    const manifest = offlineManifest(site(SITE), '/fix401/');
    expect(manifest.pages).toEqual(['/fix401/404.html', '/fix401/', '/fix401/lessons/a/']);
    expect(manifest.assets).toEqual([
      '/fix401/_astro/x.abc123.js',
      '/fix401/favicon.svg',
      '/fix401/pyodide/0123456789abcdef/pyodide.asm.wasm',
    ]);
    expect(manifest.bytes).toBe('homemissinglesson ajswasmicon'.length);
  });

  it('gives a new build id when a page, the worker or a hashed name changes, not for a compressed copy', () => {
    const id = (files: Record<string, string>, worker = 'w') => offlineManifest(site(files), '/', worker).build;
    const before = id(SITE);
    expect(id(SITE)).toBe(before);
    expect(id({ ...SITE, '_astro/x.abc123.js.br': 'other' })).toBe(before);
    expect(id({ ...SITE, 'lessons/a/index.html': 'lesson a, edited' })).not.toBe(before);
    expect(id(SITE, 'w2')).not.toBe(before);
    const { '_astro/x.abc123.js': js, ...rest } = SITE;
    expect(id({ ...rest, '_astro/x.def456.js': js })).not.toBe(before);
  });

  it('puts the manifest in front of the worker source', () => {
    const script = serviceWorkerScript(
      { build: 'b', pages: ['/'], assets: ['/a.js'], bytes: 1 },
      'importScripts("./mockServiceWorker.js");',
    );
    expect(script).toContain('self.FIX401_OFFLINE = {"build":"b","pages":["/"],"assets":["/a.js"]};');
    expect(script.trimEnd().endsWith('importScripts("./mockServiceWorker.js");')).toBe(true);
  });
});
