/** Small modules: clock, schema, challenge quoting, header parsing, masking, codecs. */
import { describe, expect, it } from 'vitest';
import { parseAuthParams, parseAuthorization } from '../../../src/mock-api/auth-header';
import { createClock, formatDuration, parseClockOffset, resolveScenarioTime } from '../../../src/mock-api/clock';
import { decodeBase64, encodeLatin1 } from '../../../src/mock-api/codec';
import { formDecode } from '../../../src/mock-api/handlers/client-auth';
import { werkzeugHeaderName } from '../../../src/mock-api/handlers/httpbin-format';
import { maskSecret } from '../../../src/mock-api/mask';
import { editDistance } from '../../../src/mock-api/similar';
import { serverStateSchema } from '../../../src/exercises/server-state-schema';
import { DEFAULT_SERVER_STATE } from '../../../src/mock-api/server-state';
import { buildChallenge, sanitizeErrorDescription } from '../../../src/mock-api/www-authenticate';

describe('clock', () => {
  it.each([
    ['+2h', 7_200_000],
    ['+90m', 5_400_000],
    ['+30s', 30_000],
    ['+1d', 86_400_000],
    ['-5m', -300_000],
    ['+1h30m', 5_400_000],
    ['2h', 7_200_000],
  ])('parseClockOffset(%s) = %i', (text, ms) => expect(parseClockOffset(text)).toBe(ms));

  it.each(['', '+', '2', '+2x', '+30m1h', '+1h1h', 'soon', '+-2h'])('parseClockOffset(%j) is null', (text) =>
    expect(parseClockOffset(text)).toBeNull(),
  );

  it('advance, set and onChange', () => {
    const clock = createClock(1000);
    const seen: number[] = [];
    const stop = clock.onChange((now) => seen.push(now));
    clock.advance(500);
    clock.set(10);
    stop();
    clock.advance(1);
    expect(seen).toEqual([1500, 10]);
    expect(clock.now()).toBe(11);
  });

  it('scenario times: ISO or offsets; loose text rejected', () => {
    expect(resolveScenarioTime('+30m', 0)).toBe(1_800_000);
    expect(resolveScenarioTime('2026-01-15T10:30:00Z', 0)).toBe(Date.parse('2026-01-15T10:30:00Z'));
    expect(resolveScenarioTime('January 5', 0)).toBeNull();
    expect(formatDuration(4 * 60_000 + 10_000)).toBe('4 min');
    expect(formatDuration(125 * 60_000)).toBe('2 h 5 min');
  });
});

describe('state schema', () => {
  it('{} parses to the documented defaults', () => {
    const s = serverStateSchema.parse({});
    expect(s).toEqual(DEFAULT_SERVER_STATE);
    expect(s).toMatchObject({
      clockStart: '2026-01-15T10:00:00Z',
      realm: 'api.example.com',
      tokenLifetimeSeconds: 3600,
      strictScopeStatus: 403,
      digest: { algorithm: 'MD5', nonceLifetimeSeconds: 300 },
    });
    expect(s.routes.map((r) => `${r.method} ${r.path} ${r.auth} ${r.scope ?? ''}`.trim())).toEqual([
      'POST /endpoint bearer',
      'GET /items bearer items:read',
      'POST /items bearer items:write',
      'ANY /basic/* basic',
      'ANY /digest/* digest',
      'ANY /keyed/* api-key',
    ]);
  });

  it('a short scenario only names what it changes', () => {
    const s = serverStateSchema.parse({ tokens: [{ token: 'abc' }], digest: { algorithm: 'SHA-256' } });
    expect(s.tokens[0]).toEqual({ token: 'abc', scopes: [], revoked: false });
    expect(s.digest.nonceLifetimeSeconds).toBe(300);
    expect(s.users.length).toBeGreaterThan(0);
  });

  it.each([
    [{ tokens: [{ token: 'has space' }] }, 'tokens'],
    [{ tokens: [{ token: 'a', expiresAt: 'tomorrow' }] }, 'expiresAt'],
    [{ refreshTokens: [{ token: 'rt', clientId: 'ghost' }] }, 'no client "ghost"'],
    [{ strictScopeStatus: 404 }, 'strictScopeStatus'],
    [{ users: [{ username: 'a:b', password: 'x' }] }, 'colon'],
    [{ clockStart: 'yesterday' }, 'clockStart'],
  ])('rejects %j with a message naming the problem', (input, fragment) => {
    const result = serverStateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toContain(fragment);
  });
});

describe('challenges and headers', () => {
  it('quotes values and escapes quote and backslash (RFC 9110 §5.6.4); tokens stay bare when asked', () => {
    expect(buildChallenge('Bearer', [{ name: 'realm', value: 'a"b\\c' }])).toBe('Bearer realm="a\\"b\\\\c"');
    expect(buildChallenge('Digest', [{ name: 'algorithm', value: 'SHA-256', token: true }])).toBe('Digest algorithm=SHA-256');
    expect(buildChallenge('Bearer')).toBe('Bearer');
    expect(sanitizeErrorDescription('say "hi" \\ é')).toBe("say 'hi' ' '");
  });

  it('parses Authorization and auth-params', () => {
    expect(parseAuthorization('bearer   abc')).toEqual({ scheme: 'bearer', schemeLower: 'bearer', rest: 'abc' });
    expect(parseAuthorization(null)).toBeNull();
    expect(parseAuthorization('"quoted"')?.scheme).toBe('');
    const params = parseAuthParams('username="Mu\\"fasa", nc=00000001, qop=auth, uri="/a?b=1,2"');
    expect(Object.fromEntries(params ?? [])).toEqual({ username: 'Mu"fasa', nc: '00000001', qop: 'auth', uri: '/a?b=1,2' });
    expect(parseAuthParams('a=1, a=2')).toBeNull();
    expect(parseAuthParams('garbage')).toBeNull();
  });

  it('Werkzeug header names', () => {
    expect(werkzeugHeaderName('x-api-key')).toBe('X-Api-Key');
    expect(werkzeugHeaderName('authorization')).toBe('Authorization');
    expect(werkzeugHeaderName('content-type')).toBe('Content-Type');
  });
});

describe('masking, similarity, codecs', () => {
  it('maskSecret', () => {
    expect(maskSecret('tok_live_8f2c4e9a1b7d3f')).toBe('tok_…3f');
    expect(maskSecret('wonderland')).toBe('•••');
    expect(maskSecret('abcdefghijklmnopqrstuvwxyz')).toBe('…yz');
  });

  it('editDistance with a cutoff', () => {
    expect(editDistance('tok_abc', 'tok_abd')).toBe(1);
    expect(editDistance('tok_abc', 'tok_xyz')).toBe(3);
  });

  it('codecs', () => {
    expect(decodeBase64('QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual(new TextEncoder().encode('Aladdin:open sesame'));
    expect(decodeBase64('not base64!')).toBeNull();
    expect(encodeLatin1('€')).toBeNull();
    expect(formDecode('a+b%2Bc%25')).toBe('a b+c%');
    expect(formDecode('a%zz')).toBe('a%zz');
  });
});
