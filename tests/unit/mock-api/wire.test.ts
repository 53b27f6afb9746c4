/** The raw HTTP/1.1 path: request bytes as CPython's http.client writes them in, response bytes out. */
import { describe, expect, it } from 'vitest';
import { dechunk, parseWireRequest } from '../../../src/mock-api/wire-parse';
import { wireHeaderName, writeResponse } from '../../../src/mock-api/wire-write';
import { createMockServer } from '../../../src/mock-api/server';
import { DEFAULT_SERVER_STATE } from '../../../src/mock-api/server-state';
import { LIVE, concat, latin1, makeServer, parseResponse } from './helpers';

const wire = (server = makeServer(), text: string | Uint8Array, host = 'api.example.com', scheme: 'http' | 'https' = 'https') =>
  server.handleWire({ scheme, host, port: scheme === 'https' ? 443 : 80, bytes: typeof text === 'string' ? latin1(text) : text });
const asText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Exactly what requests 2.34 on CPython writes for requests.post(url, json={}, headers={'Authorization': 'Bearer x'}). */
const REQUESTS_POST =
  'POST /items HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: python-requests/2.34.2\r\nAccept-Encoding: gzip, deflate, zstd\r\nAccept: */*\r\nConnection: keep-alive\r\nAuthorization: Bearer x\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}';

describe('a request exactly as requests writes it', () => {
  it('→ 401 Unauthorized with WWW-Authenticate, Content-Length framing, keep-alive', () => {
    const server = makeServer();
    const bytes = wire(server, REQUESTS_POST);
    const text = asText(bytes);
    expect(text.startsWith('HTTP/1.1 401 Unauthorized\r\n')).toBe(true);
    const r = parseResponse(bytes, 'POST');
    expect(r.headers).toContainEqual([
      'WWW-Authenticate',
      expect.stringMatching(/^Bearer realm="api\.example\.com", error="invalid_token"/),
    ]);
    expect(r.headers).toContainEqual(['Connection', 'keep-alive']);
    expect(r.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(Number(r.headers.find(([n]) => n === 'Content-Length')?.[1])).toBe(r.body.length);
    expect(r.headers).not.toContainEqual(['Access-Control-Allow-Origin', '*']);
  });

  it('logs the true order of the headers, lower-cased, and the raw bytes', () => {
    const server = makeServer();
    wire(server, REQUESTS_POST);
    const [e] = server.log;
    expect(e?.via).toBe('python');
    expect(e?.url).toBe('https://api.example.com/items');
    expect(e?.requestHeaders.map(([n]) => n)).toEqual([
      'host',
      'user-agent',
      'accept-encoding',
      'accept',
      'connection',
      'authorization',
      'content-length',
      'content-type',
    ]);
    expect(e?.requestBody).toBe('{}');
    expect(e?.rawRequest).toBe(REQUESTS_POST);
    expect(e?.rawResponse?.startsWith('HTTP/1.1 401 Unauthorized\r\nDate: Thu, 15 Jan 2026 10:00:00 GMT\r\n')).toBe(true);
    expect(e?.responseHeaders).toContainEqual(['content-length', expect.any(String)]);
  });

  it('the Date header follows the virtual clock (startAt moves it)', () => {
    const server = createMockServer(DEFAULT_SERVER_STATE, { startAt: Date.parse('2026-01-15T12:00:00Z') });
    expect(asText(wire(server, REQUESTS_POST))).toContain('\r\nDate: Thu, 15 Jan 2026 12:00:00 GMT\r\n');
    server.reset();
    expect(server.clock.now()).toBe(Date.parse('2026-01-15T12:00:00Z'));
  });

  it('a valid token → 201 Created with the body and Location', () => {
    const request = REQUESTS_POST.replace('Bearer x', `Bearer ${LIVE}`)
      .replace('Content-Length: 2', 'Content-Length: 14')
      .replace('{}', '{"name":"pen"}');
    const r = parseResponse(wire(makeServer(), request), 'POST');
    expect([r.status, r.reason]).toEqual([201, 'Created']);
    expect(r.headers).toContainEqual(['Location', '/items/3']);
    expect(JSON.parse(asText(r.body))).toMatchObject({ name: 'pen', id: 3 });
  });

  it('Connection: close is honoured', () => {
    const bytes = wire(makeServer(), REQUESTS_POST.replace('Connection: keep-alive', 'Connection: close'));
    expect(parseResponse(bytes, 'POST').headers).toContainEqual(['Connection', 'close']);
  });
});

describe('chunked request bodies (requests sends them for generator bodies)', () => {
  it('are de-chunked, with extensions and trailers', () => {
    expect(asText(dechunk(latin1('4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\n')) ?? new Uint8Array())).toBe('Wikipedia');
    expect(dechunk(latin1('4\r\nWik\r\n0\r\n\r\n'))).toBeNull();
    expect(dechunk(latin1('zz\r\n'))).toBeNull();
  });

  it('reach the handler as the whole body', () => {
    const server = makeServer();
    const head = `POST /items HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ${LIVE}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const r = parseResponse(wire(server, `${head}6\r\n{"name\r\n8\r\n":"pen"}\r\n0\r\n\r\n`), 'POST');
    expect(r.status).toBe(201);
    expect(server.log[0]?.requestBody).toBe('{"name":"pen"}');
  });
});

describe('malformed requests get the 400 a real server sends', () => {
  it.each([
    ['obs-fold', 'GET /items HTTP/1.1\r\nHost: api.example.com\r\nX-A: 1\r\n  continued\r\n\r\n', 400],
    ['space before colon', 'GET /items HTTP/1.1\r\nHost : api.example.com\r\n\r\n', 400],
    ['no Host', 'GET /items HTTP/1.1\r\nAccept: */*\r\n\r\n', 400],
    ['two Hosts', 'GET /items HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 400],
    ['bad Content-Length', 'POST /items HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n', 400],
    ['short body', 'POST /items HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab', 400],
    ['CL and TE', 'POST /items HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['gzip TE', 'POST /items HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n', 501],
    ['HTTP/2.0', 'GET /items HTTP/2.0\r\nHost: a\r\n\r\n', 505],
    ['no empty line', 'GET /items HTTP/1.1\r\nHost: a\r\n', 400],
    ['garbage', 'hello\r\n\r\n', 400],
  ])('%s → %i', (_name, text, status) => {
    const server = makeServer();
    const r = parseResponse(wire(server, text));
    expect(r.status).toBe(status);
    expect(r.headers).toContainEqual(['Connection', 'close']);
    expect(server.log[0]?.decision.code).toBe('bad_request');
  });

  it('a header value Headers refuses (NUL) → 400, not a crash', () => {
    const bytes = concat(latin1('GET /items HTTP/1.1\r\nHost: api.example.com\r\nX-A: a'), Uint8Array.from([0, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(parseResponse(wire(makeServer(), bytes)).status).toBe(400);
  });

  it('Latin-1 header bytes are kept as Latin-1 text', () => {
    const parsed = parseWireRequest(concat(latin1('GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf'), Uint8Array.from([0xe9, 13, 10, 13, 10])));
    expect('headers' in parsed && parsed.headers[1]).toEqual(['X-Name', 'café']);
  });
});

describe('framing of special answers', () => {
  it('HEAD: Content-Length of the GET body, no body bytes', () => {
    const text = `GET /items HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer ${LIVE}\r\n\r\n`;
    const get = parseResponse(wire(makeServer(), text));
    const head = parseResponse(wire(makeServer(), text.replace('GET', 'HEAD')), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.find(([n]) => n === 'Content-Length')?.[1]).toBe(String(get.body.length));
  });

  it('204 and 1xx: no Content-Length, no body; httpbin says UNKNOWN where its Werkzeug has no name', () => {
    const status = (code: number): string =>
      asText(wire(makeServer(), `GET /status/${code} HTTP/1.1\r\nHost: httpbin.org\r\n\r\n`, 'httpbin.org')).split('\r\n\r\n')[0] ?? '';
    expect(status(204)).not.toContain('Content-Length');
    expect(status(103)).toMatch(/^HTTP\/1\.1 103 UNKNOWN\r\n/);
    expect(status(103)).not.toContain('Content-Length');
    expect(status(599)).toMatch(/^HTTP\/1\.1 599 UNKNOWN\r\n/);
  });

  it('a status without a phrase gets an empty one (http.client accepts "HTTP/1.1 599 ")', () => {
    const { bytes } = writeResponse(
      { status: 599, headers: [], body: 'x', decision: { code: 'ok', reason: 'r' } },
      { method: 'GET', close: false, now: 0 },
    );
    expect(asText(bytes)).toMatch(
      /^HTTP\/1\.1 599 \r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nContent-Length: 1\r\nConnection: keep-alive\r\n\r\nx$/,
    );
  });

  it('api.example.com uses the standard phrases', () => {
    // No route gives an odd status on api.example.com, so check the table through a 405 and a 404.
    expect(asText(wire(makeServer(), 'GET /endpoint HTTP/1.1\r\nHost: api.example.com\r\n\r\n'))).toMatch(
      /^HTTP\/1\.1 405 Method Not Allowed\r\n/,
    );
    expect(asText(wire(makeServer(), 'GET /nope HTTP/1.1\r\nHost: api.example.com\r\n\r\n'))).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
  });

  it('a host that is not mocked → 421, logged', () => {
    const server = makeServer();
    expect(parseResponse(wire(server, 'GET / HTTP/1.1\r\nHost: example.org\r\n\r\n', 'example.org')).status).toBe(421);
    expect(server.log[0]?.decision.code).toBe('not_mocked');
  });

  it('absolute-form targets are routed by their path', () => {
    const r = parseResponse(wire(makeServer(), 'GET https://api.example.com/nope HTTP/1.1\r\nHost: api.example.com\r\n\r\n'));
    expect(r.status).toBe(404);
  });

  it('header names are written as servers spell them', () => {
    expect(wireHeaderName('www-authenticate')).toBe('WWW-Authenticate');
    expect(wireHeaderName('content-type')).toBe('Content-Type');
    expect(wireHeaderName('x-more-info')).toBe('X-More-Info');
  });
});
