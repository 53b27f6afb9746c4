/**
 * deploy/nginx.conf is the config docs/deploy.md recommends: `nginx -t` accepts it, and nginx run
 * with it serves a subpath build's files with the right types, caching and security headers.
 * Skipped on a developer machine without nginx; in CI (`npm test` installs it first) a missing nginx fails.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { nginxHeaders } from '../../../scripts/lib/host-headers.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const ROOT = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'fix401-nginx-'));

function write(path: string, text: string) {
  mkdirSync(dirname(join(tmp, path)), { recursive: true });
  writeFileSync(join(tmp, path), text);
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** deploy/nginx.conf with its absolute paths moved into tmp, inside a minimal main config. */
function config(port: number): string {
  const site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/fix401;', `root ${tmp}/srv;`)
    .replaceAll('/etc/nginx/snippets/fix401-headers.conf', `${tmp}/fix401-headers.conf`);
  write('site.conf', site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `${k}_temp_path ${tmp}/${k};`).join(' ');
  return `daemon off; master_process off; pid ${tmp}/nginx.pid; error_log ${tmp}/error.log;
events {}
http { access_log off; ${temp} include ${tmp}/site.conf; }
`;
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!NGINX && !process.env.CI)('deploy/nginx.conf', () => {
  it('passes nginx -t and serves a /fix401/ build as docs/deploy.md says', async () => {
    if (!NGINX) throw new Error('nginx is not installed: `node scripts/ensure-browser.mjs nginx` installs it');
    write('srv/fix401/index.html', '<!doctype html><script>console.log(1)</script><p>home</p>');
    write('srv/fix401/lessons/x/index.html', '<p>lesson</p>');
    write('srv/fix401/404.html', '<p>not here</p>');
    write('srv/fix401/_astro/page.abc123.js', 'export {};'.repeat(200));
    write('srv/fix401/pyodide/0123456789abcdef/pyodide.mjs', 'export const x = 1;');
    write('srv/fix401/pyodide/0123456789abcdef/pyodide.asm.wasm', '\0asm'.repeat(1000));
    // A marked .gz copy: gzip_static must send it rather than compress the file itself.
    mkdirSync(join(tmp, 'srv/fix401/pyodide/0123456789abcdef'), { recursive: true });
    writeFileSync(join(tmp, 'srv/fix401/pyodide/0123456789abcdef/pyodide.asm.wasm.gz'), gzipSync('from the .gz copy'));
    write('fix401-headers.conf', nginxHeaders(join(tmp, 'srv/fix401')));
    chmodSync(tmp, 0o755);
    const port = await freePort();
    write('nginx.conf', config(port));
    execFileSync(NGINX!, ['-t', '-p', tmp, '-c', join(tmp, 'nginx.conf')], { stdio: 'pipe' });

    const nginx = spawn(NGINX!, ['-p', tmp, '-c', join(tmp, 'nginx.conf')], { stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${port}`;
      const get = async (path: string, init?: RequestInit) => {
        for (let i = 0; ; i++) {
          try {
            return await fetch(base + path, { redirect: 'manual', ...init });
          } catch (error) {
            if (i > 50) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      };
      const home = await get('/fix401/');
      expect(home.status).toBe(200);
      expect(home.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(home.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(home.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await get('/fix401')).headers.get('location')).toBe('/fix401/');
      expect((await get('/fix401/lessons/x')).headers.get('location')).toBe('/fix401/lessons/x/');
      expect(await (await get('/fix401/lessons/x/')).text()).toContain('lesson');
      const hashed = await get('/fix401/_astro/page.abc123.js', { headers: { 'accept-encoding': 'gzip' } });
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(hashed.headers.get('content-security-policy')).toBeTruthy();
      expect(hashed.headers.get('content-encoding')).toBe('gzip');
      expect((await get('/fix401/pyodide/0123456789abcdef/pyodide.mjs')).headers.get('content-type')).toMatch(/^text\/javascript/);
      const wasm = await get('/fix401/pyodide/0123456789abcdef/pyodide.asm.wasm', { headers: { 'accept-encoding': 'gzip' } });
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      expect(wasm.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(wasm.headers.get('content-encoding')).toBe('gzip');
      expect(wasm.headers.get('vary')).toBe('Accept-Encoding');
      expect(await wasm.text()).toBe('from the .gz copy');
      const missing = await get('/fix401/nope/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('not here');
      expect(missing.headers.get('content-security-policy')).toBeTruthy();
    } finally {
      nginx.kill();
    }
  });
});
