import { createHash, randomBytes } from 'node:crypto';
import { zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { matchesIntegrity, serveUnpackedArchives } from '../../../src/runtime/zstd-archives';
import { declaredSize } from '../../../src/runtime/zstd-unpack';

const BASE = 'https://site.test/fix401/pyodide/';
/** Incompressible in part, so that a cut-off frame is really cut off. */
const ARCHIVE = new Uint8Array(Buffer.concat([Buffer.from('PK\x03\x04 a stored archive '.repeat(200)), randomBytes(4000)]));
const integrityOf = (bytes: Uint8Array) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/** A server with `files` (URL → body), recording what was fetched and with which options. */
function server(files: Record<string, Uint8Array>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push({ url, init });
    const body = files[url];
    return Promise.resolve(body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response('not found', { status: 404 }));
  };
  return { scope: { fetch: fetch as typeof globalThis.fetch }, calls };
}

describe('packed Python archives in the worker', () => {
  it('answers a request for an archive with the unpacked bytes of its .zst, checked against the integrity Pyodide asks for', async () => {
    const { scope, calls } = server({ [`${BASE}abc/idna.whl.zst`]: zstdCompressSync(ARCHIVE) });
    serveUnpackedArchives(scope, BASE, ['abc/idna.whl']);
    const response = await scope.fetch(new URL(`${BASE}abc/idna.whl`), { integrity: integrityOf(ARCHIVE) });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(ARCHIVE);
    expect(calls.map((c) => c.url)).toEqual([`${BASE}abc/idna.whl.zst`]);
    // The browser is not asked to check the packed bytes against the unpacked archive's hash.
    expect(calls[0]!.init).toEqual({});
  });

  it('fetches and unpacks an archive asked for in advance at once, and hands it to the first request for it only', async () => {
    const { scope, calls } = server({ [`${BASE}s/python_stdlib.zip.zst`]: zstdCompressSync(ARCHIVE) });
    serveUnpackedArchives(scope, BASE, ['s/python_stdlib.zip', 'w/idna.whl'], { startNow: ['s/python_stdlib.zip', 'not/packed.zip'] });
    // Asked for before anything requested it; `not/packed.zip` is not an archive here and is left alone.
    expect(calls.map((c) => c.url)).toEqual([`${BASE}s/python_stdlib.zip.zst`]);
    expect(new Uint8Array(await (await scope.fetch(`${BASE}s/python_stdlib.zip`)).arrayBuffer())).toEqual(ARCHIVE);
    expect(calls).toHaveLength(1);
    // A second request fetches again (Pyodide asks once per boot; nothing is held after that).
    await scope.fetch(`${BASE}s/python_stdlib.zip`);
    expect(calls).toHaveLength(2);
  });

  it('an archive asked for in advance that failed fails its request, not the worker (no unhandled rejection)', async () => {
    const { scope } = server({});
    serveUnpackedArchives(scope, BASE, ['s/python_stdlib.zip'], { startNow: ['s/python_stdlib.zip'] });
    await new Promise((r) => setTimeout(r, 0));
    expect((await scope.fetch(`${BASE}s/python_stdlib.zip`)).status).toBe(404);

    const offline = { fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch };
    serveUnpackedArchives(offline, BASE, ['s/python_stdlib.zip'], { startNow: ['s/python_stdlib.zip'] });
    await new Promise((r) => setTimeout(r, 0));
    await expect(offline.fetch(`${BASE}s/python_stdlib.zip`)).rejects.toThrow('Failed to fetch');
  });

  it('rejects an archive whose unpacked bytes do not match, as fetch does', async () => {
    const other = new Uint8Array(Buffer.from('PK\x03\x04 another archive'));
    const { scope } = server({ [`${BASE}abc/idna.whl.zst`]: zstdCompressSync(other) });
    serveUnpackedArchives(scope, BASE, ['abc/idna.whl']);
    await expect(scope.fetch(`${BASE}abc/idna.whl`, { integrity: integrityOf(ARCHIVE) })).rejects.toThrow(
      /idna\.whl failed its integrity check/,
    );
  });

  it('says which archive could not be unpacked, a cut-off download included', async () => {
    const packed = zstdCompressSync(ARCHIVE);
    for (const broken of [packed.subarray(0, packed.length - 100), packed.subarray(0, 9)]) {
      const { scope } = server({ [`${BASE}s/python_stdlib.zip.zst`]: broken });
      serveUnpackedArchives(scope, BASE, ['s/python_stdlib.zip']);
      await expect(scope.fetch(`${BASE}s/python_stdlib.zip`)).rejects.toThrow(/python_stdlib\.zip could not be unpacked/);
    }
  });

  it('reads the content size a frame declares, in each of its widths', () => {
    for (const size of [0, 200, 300, 70_000, 14_717_852]) expect(declaredSize(zstdCompressSync(Buffer.alloc(size, 7)))).toBe(size);
  });

  it('uses a ZIP as it is when the host had the browser unpack it already (Content-Encoding: zstd)', async () => {
    const { scope } = server({ [`${BASE}s/python_stdlib.zip.zst`]: ARCHIVE });
    serveUnpackedArchives(scope, BASE, ['s/python_stdlib.zip']);
    expect(new Uint8Array(await (await scope.fetch(`${BASE}s/python_stdlib.zip`)).arrayBuffer())).toEqual(ARCHIVE);
  });

  it('hands a failed response on (Pyodide reports it), and leaves every other URL alone', async () => {
    const wasm = new Uint8Array([0, 0x61, 0x73, 0x6d]);
    const { scope, calls } = server({ [`${BASE}core/pyodide.asm.wasm`]: wasm });
    serveUnpackedArchives(scope, BASE, ['s/python_stdlib.zip']);
    expect((await scope.fetch(`${BASE}s/python_stdlib.zip`)).status).toBe(404);
    const other = await scope.fetch(`${BASE}core/pyodide.asm.wasm`, { integrity: 'sha256-x' });
    expect(new Uint8Array(await other.arrayBuffer())).toEqual(wasm);
    expect(calls.map((c) => [c.url, c.init])).toEqual([
      [`${BASE}s/python_stdlib.zip.zst`, {}],
      [`${BASE}core/pyodide.asm.wasm`, { integrity: 'sha256-x' }],
    ]);
  });

  it('reads Subresource Integrity values as fetch does: any listed sha256 may match', () => {
    expect(matchesIntegrity(ARCHIVE, integrityOf(ARCHIVE))).toBe(true);
    expect(matchesIntegrity(ARCHIVE, `sha256-AAAA ${integrityOf(ARCHIVE)}`)).toBe(true);
    expect(matchesIntegrity(ARCHIVE, 'sha256-AAAA')).toBe(false);
  });
});
