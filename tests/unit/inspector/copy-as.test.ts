import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../../src/inspector/curl';
import { pythonString, toRequestsSnippet } from '../../../src/inspector/requests-snippet';
import { startEcho, type Received } from './echo-server';
import { oraclePython } from '../../oracle/venv';
import { bearerPost, exchange, TOKEN } from './fixtures';

const run = promisify(execFile);

/** The argv a POSIX shell gives `curl` for a command (a shell function stands in for curl). */
function curlArgs(command: string): string[] {
  const out = execFileSync('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

// The oracle's venv: the machine's CPython with the very requests the site serves (tests/oracle/venv.ts).
const python = oraclePython();

describe('toCurl', () => {
  it('quotes a single quote the POSIX way', () => {
    expect(shellQuote("O'Brien")).toBe(`'O'\\''Brien'`);
    expect(curlArgs(`curl ${shellQuote('a\'b"$HOME`x`\n')}`)).toEqual(['a\'b"$HOME`x`\n']);
  });

  it('sends a JSON body byte for byte with --data-raw and keeps requests’ headers only', () => {
    const args = curlArgs(toCurl(bearerPost(), { reveal: true }));
    expect(args).toEqual([
      'https://api.example.com/items',
      '-H',
      'user-agent: python-requests/2.34.2',
      '-H',
      'accept: */*',
      '-H',
      `authorization: Bearer ${TOKEN}`,
      '-H',
      'content-type: application/json',
      '--data-raw',
      '{"name": "O\'Brien\'s item"}',
    ]);
  });

  it('masks the credential unless revealed', () => {
    const masked = toCurl(bearerPost(), { reveal: false });
    expect(masked).toContain("-H 'authorization: Bearer tok_…3f'");
    expect(masked).not.toContain(TOKEN);
  });

  it('suppresses curl’s own form Content-Type when requests sent none, and handles odd methods', () => {
    const args = curlArgs(toCurl(exchange({ method: 'PUT', requestHeaders: [], requestBody: 'raw' }), { reveal: true }));
    expect(args).toEqual(['-X', 'PUT', 'https://api.example.com/items', '-H', 'Content-Type:', '--data-raw', 'raw']);
    expect(curlArgs(toCurl(exchange({ method: 'DELETE', requestHeaders: [] }), { reveal: true }))).toEqual([
      '-X',
      'DELETE',
      'https://api.example.com/items',
      '-H',
      'Content-Length: 0',
    ]);
  });

  it('turns off URL globbing for brackets and sends an empty header with ";"', () => {
    const args = curlArgs(
      toCurl(exchange({ url: 'https://api.example.com/items?ids[]=1', requestHeaders: [['x-empty', '']] }), { reveal: true }),
    );
    expect(args).toEqual(['--globoff', 'https://api.example.com/items?ids[]=1', '-H', 'x-empty;']);
  });

  // curl is part of every machine this suite runs on (Debian's base image); a missing one fails, never skips.
  it('makes the real curl send what the mock received (host swapped to 127.0.0.1)', async () => {
    const echo = await startEcho();
    try {
      const original = bearerPost({ url: `${'https://api.example.com'}/items?page=2` });
      const local = { ...original, url: original.url.replace('https://api.example.com', echo.origin) };
      await run('sh', ['-c', `${toCurl(local, { reveal: true })} -s -o /dev/null`]);
      const got: Received = echo.received[0]!;
      expect(got.method).toBe('POST');
      expect(got.path).toBe('/items?page=2');
      expect(got.body).toBe(original.requestBody);
      const sent = got.headers.filter(([n]) => n !== 'host');
      expect(sent).toEqual([
        ['user-agent', 'python-requests/2.34.2'],
        ['accept', '*/*'],
        ['authorization', `Bearer ${TOKEN}`],
        ['content-type', 'application/json'],
        ['content-length', String(Buffer.byteLength(original.requestBody))],
      ]);
    } finally {
      await echo.close();
    }
  });
});

describe('toRequestsSnippet', () => {
  it('writes valid Python string literals', () => {
    expect(pythonString("it's\n\\ok\x01")).toBe("'it\\'s\\n\\\\ok\\x01'");
  });

  it('uses the method shortcut, the headers and a bytes body', () => {
    const snippet = toRequestsSnippet(bearerPost(), { reveal: false });
    expect(snippet).toContain('response = requests.post(');
    expect(snippet).toContain("        'authorization': 'Bearer tok_…3f',");
    expect(snippet).toContain(`    data=b'{"name": "O\\'Brien\\'s item"}',`);
    expect(snippet).not.toContain('origin');
    expect(snippet).not.toContain(TOKEN);
  });

  it('encodes a non-ASCII body as UTF-8 (a str body would go out as Latin-1)', () => {
    const snippet = toRequestsSnippet(exchange({ method: 'PATCH', requestBody: '{"city": "Zürich €"}' }), { reveal: true });
    expect(snippet).toContain(`    data='{"city": "Zürich €"}'.encode('utf-8'),`);
  });

  it('makes real requests send the same method, path, headers and body', async () => {
    const echo = await startEcho();
    try {
      const original = bearerPost({ requestBody: '{"name": "Zoë\'s item"}' });
      const local = { ...original, url: `${echo.origin}/items` };
      await run(python, ['-c', toRequestsSnippet(local, { reveal: true })]);
      const got = echo.received[0]!;
      expect([got.method, got.path, got.body]).toEqual(['POST', '/items', original.requestBody]);
      for (const header of [
        ['authorization', `Bearer ${TOKEN}`],
        ['content-type', 'application/json'],
        ['user-agent', 'python-requests/2.34.2'],
      ])
        expect(got.headers).toContainEqual(header);
    } finally {
      await echo.close();
    }
  });
});
