/**
 * scripts/serve.mjs sends the build's precompressed copies by Accept-Encoding, each encoding with
 * its own ETag, Vary: Accept-Encoding, and immutable caching for the versioned runtime.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const WASM = Buffer.from('\0asm'.repeat(3000));
let server: ChildProcess;
let port = 0;
let site = '';

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/** A raw GET (fetch would decode the body and hide which copy was sent). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-serve-'));
  site = dir;
  mkdirSync(join(dir, 'pyodide/0123456789abcdef'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<p>home</p>'.repeat(200));
  const wasm = join(dir, 'pyodide/0123456789abcdef/pyodide.asm.wasm');
  writeFileSync(wasm, WASM);
  // Marked copies, so the test sees which file was sent.
  writeFileSync(`${wasm}.br`, brotliCompressSync(Buffer.from('from the .br copy')));
  writeFileSync(`${wasm}.gz`, gzipSync(Buffer.from('from the .gz copy')));
  port = await freePort();
  // As `npm run preview -- --port N` calls it: the script's own --port first, the learner's last (and winning).
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--port=4321', `--dir=${dir}`, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => server.stdout!.once('data', ready));
});

afterAll(() => {
  server?.kill();
});

describe('serve.mjs and precompressed files', () => {
  const path = '/pyodide/0123456789abcdef/pyodide.asm.wasm';

  it('sends the .br copy to a browser that accepts brotli', async () => {
    const answer = await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body).toEqual(brotliCompressSync(Buffer.from('from the .br copy')));
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['content-type']).toBe('application/wasm');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the .gz copy when brotli is not accepted', async () => {
    const answer = await get(path, { 'accept-encoding': 'gzip, br;q=0' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.body).toEqual(gzipSync(Buffer.from('from the .gz copy')));
  });

  it('sends the file itself to a client that accepts no encoding', async () => {
    const answer = await get(path);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body).toEqual(WASM);
  });

  it('gives each encoding its own ETag, and answers 304 only to the matching one', async () => {
    const br = await get(path, { 'accept-encoding': 'br' });
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    const identity = await get(path);
    const tags = [br, gz, identity].map((a) => String(a.headers['etag']));
    expect(new Set(tags).size).toBe(3);
    expect((await get(path, { 'accept-encoding': 'br', 'if-none-match': tags[0] })).status).toBe(304);
    expect((await get(path, { 'accept-encoding': 'gzip', 'if-none-match': tags[0] })).status).toBe(200);
  });

  it('keeps the ETag of a file a deploy rewrites unchanged (new mtime), and changes it with the content', async () => {
    const before = String((await get('/', { 'accept-encoding': 'gzip' })).headers['etag']);
    writeFileSync(join(site, 'index.html'), '<p>home</p>'.repeat(200));
    utimesSync(join(site, 'index.html'), new Date(), new Date(Date.now() + 60_000));
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': before })).status).toBe(304);
    writeFileSync(join(site, 'index.html'), '<p>home, deployed again</p>');
    utimesSync(join(site, 'index.html'), new Date(), new Date(Date.now() + 120_000));
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': before })).status).toBe(200);
  });

  it('revalidates HTML', async () => {
    const answer = await get('/', { 'accept-encoding': 'gzip' });
    expect(answer.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(answer.headers['content-encoding']).toBe('gzip');
  });
});
