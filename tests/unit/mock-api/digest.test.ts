/** Digest routes (RFC 7616): vectors, the requests HTTPDigestAuth handshake, stale nonces. */
import { describe, expect, it } from 'vitest';
import { digestResponse } from '../../../src/mock-api/digest-core';
import {
  API,
  HTTPBIN,
  RequestsDigestClient,
  basicHeader,
  digestDance,
  hexOf,
  latin1,
  makeServer,
  parseDictHeader,
  parseResponse,
  send,
} from './helpers';

const URL_ = `${API}/digest/report?year=2026`;

/** RFC 7616 §3.9.1. */
const RFC = {
  username: 'Mufasa',
  realm: 'http-auth@example.org',
  password: 'Circle of Life',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  nc: '00000001',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  qop: 'auth' as const,
};

/** The RFC's formula, written out independently of the server's code. */
function byHand(algorithm: string): string {
  const H = (s: string): string => hexOf(algorithm, s);
  const ha1 = H(`${RFC.username}:${RFC.realm}:${RFC.password}`);
  const ha2 = H(`${RFC.method}:${RFC.uri}`);
  return H(`${ha1}:${RFC.nonce}:${RFC.nc}:${RFC.cnonce}:${RFC.qop}:${ha2}`);
}

describe('RFC 7616 §3.9.1 vectors', () => {
  it('MD5', () => {
    expect(byHand('MD5')).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse({ ...RFC, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });
  it('SHA-256', () => {
    expect(byHand('SHA-256')).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(digestResponse({ ...RFC, algorithm: 'SHA-256' })).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });
});

describe('the challenge', () => {
  it('401 with exactly one Digest challenge: realm, qop="auth", algorithm, nonce, opaque', async () => {
    const r = await send(makeServer(), 'GET', URL_);
    expect(r.status).toBe(401);
    expect(r.challenge).toMatch(/^Digest realm="api\.example\.com", qop="auth", algorithm=MD5, nonce="[0-9a-f]+", opaque="[0-9a-f]+"$/);
    expect(r.challenge).not.toMatch(/Basic/i);
  });

  it('algorithm follows the scenario (SHA-256)', async () => {
    const r = await send(makeServer({ digest: { algorithm: 'SHA-256' } }), 'GET', URL_);
    expect(parseDictHeader((r.challenge ?? '').replace(/digest /i, ''))).toMatchObject({ algorithm: 'SHA-256', qop: 'auth' });
  });
});

describe('a requests HTTPDigestAuth client', () => {
  it.each(['MD5', 'SHA-256', 'MD5-sess', 'SHA-512'] as const)('completes the handshake with %s: 401 then 200', async (algorithm) => {
    const server = makeServer({ digest: { algorithm } });
    const { first, second } = await digestDance(server, 'GET', URL_, new RequestsDigestClient('alice', 'wonderland'));
    expect(first.status).toBe(401);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, user: 'alice' });
    expect(second.exchange.decision.code).toBe('ok');
  });

  it('the Mufasa user in the RFC realm authenticates (SHA-256)', async () => {
    const server = makeServer({
      realm: 'http-auth@example.org',
      users: [{ username: 'Mufasa', password: 'Circle of Life' }],
      digest: { algorithm: 'SHA-256' },
    });
    const { second } = await digestDance(
      server,
      'GET',
      `${API}/digest/dir/index.html`,
      new RequestsDigestClient('Mufasa', 'Circle of Life'),
    );
    expect(second.status).toBe(200);
  });

  it('POST works too (the method is part of A2)', async () => {
    const { second } = await digestDance(makeServer(), 'POST', URL_, new RequestsDigestClient('alice', 'wonderland'));
    expect(second.status).toBe(200);
  });

  it('wrong password → 401 again with a new challenge', async () => {
    const { second } = await digestDance(makeServer(), 'GET', URL_, new RequestsDigestClient('alice', 'nope'));
    expect(second.status).toBe(401);
    expect(second.challenge).toMatch(/^Digest /);
    expect(second.exchange.decision.code).toBe('wrong_password');
  });

  it('unknown user → 401', async () => {
    const { second } = await digestDance(makeServer(), 'GET', URL_, new RequestsDigestClient('bob', 'x'));
    expect(second.exchange.decision.code).toBe('unknown_user');
  });

  it('reusing the nonce with an increasing nc works (requests pre-authenticates the next call)', async () => {
    const server = makeServer();
    const client = new RequestsDigestClient('alice', 'wonderland');
    await digestDance(server, 'GET', URL_, client);
    const again = await send(server, 'GET', URL_, { headers: { authorization: client.build('GET', URL_) ?? '' } });
    expect(again.status).toBe(200);
    expect(again.exchange.decision.reason).toContain('nc=00000002');
  });

  it('replaying the same nc → 401', async () => {
    const server = makeServer();
    const client = new RequestsDigestClient('alice', 'wonderland');
    const { second } = await digestDance(server, 'GET', URL_, client);
    const header = second.exchange.requestHeaders.find(([n]) => n === 'authorization')?.[1] ?? '';
    const replay = await send(server, 'GET', URL_, { headers: { authorization: header } });
    expect(replay.status).toBe(401);
    expect(replay.exchange.decision.code).toBe('nonce_replay');
  });

  it('an old nonce with a correct response → 401 stale=true and a fresh nonce; retrying succeeds', async () => {
    const server = makeServer({ digest: { nonceLifetimeSeconds: 300 } });
    const client = new RequestsDigestClient('alice', 'wonderland');
    const first = await send(server, 'GET', URL_);
    client.readChallenge(first.challenge ?? '');
    server.clock.advance(6 * 60_000);
    const stale = await send(server, 'GET', URL_, { headers: { authorization: client.build('GET', URL_) ?? '' } });
    expect(stale.status).toBe(401);
    expect(stale.challenge).toMatch(/, stale=true$/);
    expect(stale.exchange.decision.code).toBe('stale_nonce');
    const fresh = parseDictHeader((stale.challenge ?? '').replace(/digest /i, ''));
    expect(fresh['nonce']).not.toBe(client.chal['nonce']);
    client.readChallenge(stale.challenge ?? '');
    const retried = await send(server, 'GET', URL_, { headers: { authorization: client.build('GET', URL_) ?? '' } });
    expect(retried.status).toBe(200);
  });

  it('an old nonce with a wrong password is not stale (stale only when the digest is right)', async () => {
    const server = makeServer();
    const client = new RequestsDigestClient('alice', 'bad');
    const first = await send(server, 'GET', URL_);
    client.readChallenge(first.challenge ?? '');
    server.clock.advance(60 * 60_000);
    const r = await send(server, 'GET', URL_, { headers: { authorization: client.build('GET', URL_) ?? '' } });
    expect(r.challenge).not.toContain('stale');
  });
});

describe('invalid Digest credentials', () => {
  async function withChallenge(mutate: (header: string) => string, url = URL_): Promise<Awaited<ReturnType<typeof send>>> {
    const server = makeServer();
    const client = new RequestsDigestClient('alice', 'wonderland');
    const first = await send(server, 'GET', URL_);
    client.readChallenge(first.challenge ?? '');
    return send(server, 'GET', url, { headers: { authorization: mutate(client.build('GET', URL_) ?? '') } });
  }

  it('uri not matching the request target → 400', async () => {
    const r = await withChallenge((h) => h, `${API}/digest/other`);
    expect(r.status).toBe(400);
    expect(r.exchange.decision.code).toBe('uri_mismatch');
  });

  it('a nonce the server never issued → 401 unknown_nonce', async () => {
    const r = await withChallenge((h) => h.replace(/nonce="[0-9a-f]+"/, 'nonce="deadbeef"'));
    expect(r.status).toBe(401);
    expect(r.exchange.decision.code).toBe('unknown_nonce');
  });

  it('wrong realm → 401', async () => {
    const r = await withChallenge((h) => h.replace('realm="api.example.com"', 'realm="elsewhere"'));
    expect(r.exchange.decision.code).toBe('wrong_realm');
  });

  it('missing response → 400', async () => {
    const r = await withChallenge((h) => h.replace(/, response="[0-9a-f]+"/, ''));
    expect(r.status).toBe(400);
  });

  it('Basic credentials on a Digest route → 401 with only the Digest challenge', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: basicHeader('alice', 'wonderland') } });
    expect(r.status).toBe(401);
    expect(r.challenge).toMatch(/^Digest /);
    expect(r.exchange.decision.reason).toContain('HTTPDigestAuth');
  });

  it('unquoted qop and nc as RFC 7616 writes them are accepted too', async () => {
    const r = await withChallenge((h) => h.replace('qop="auth"', 'qop=auth'));
    expect(r.status).toBe(200);
  });
});

describe('the Digest uri is the request-target as sent', () => {
  // WHATWG URL percent-encodes ' in the query of https URLs; CPython sends it literally.
  const TARGET = "/digest-auth/auth/user/passwd?q=it's";
  const raw = (authorization?: string): Uint8Array =>
    latin1(`GET ${TARGET} HTTP/1.1\r\nHost: httpbin.org\r\n${authorization ? `Authorization: ${authorization}\r\n` : ''}\r\n`);

  it("HTTPDigestAuth succeeds with a literal ' in the query (httpbin)", () => {
    const server = makeServer();
    const wire = (bytes: Uint8Array) => parseResponse(server.handleWire({ scheme: 'https', host: 'httpbin.org', port: 443, bytes }));
    const first = wire(raw());
    const client = new RequestsDigestClient('user', 'passwd');
    client.readChallenge(first.headers.find(([n]) => n === 'WWW-Authenticate')?.[1] ?? '');
    const second = wire(raw(client.build('GET', `${HTTPBIN}${TARGET}`, 'abcdef0123456789', TARGET) ?? ''));
    expect(second.status).toBe(200);
  });

  it('and on api.example.com, whose uri check compares the raw target', () => {
    const server = makeServer();
    const target = "/digest/x?q=it's";
    const bytes = (authorization?: string) =>
      latin1(`GET ${target} HTTP/1.1\r\nHost: api.example.com\r\n${authorization ? `Authorization: ${authorization}\r\n` : ''}\r\n`);
    const wire = (b: Uint8Array) => parseResponse(server.handleWire({ scheme: 'https', host: 'api.example.com', port: 443, bytes: b }));
    const client = new RequestsDigestClient('alice', 'wonderland');
    client.readChallenge(wire(bytes()).headers.find(([n]) => n === 'WWW-Authenticate')?.[1] ?? '');
    const second = wire(bytes(client.build('GET', `https://api.example.com${target}`, 'abcdef0123456789', target) ?? ''));
    expect(second.status).toBe(200);
    expect(server.log.at(-1)?.url).toBe(`https://api.example.com${target}`);
  });
});
