/** The httpbin.org subset behaves like postmanlabs/httpbin. */
import { describe, expect, it } from 'vitest';
import { HTTPBIN, RequestsDigestClient, basicHeader, digestDance, makeServer, send } from './helpers';

describe('/headers and /anything', () => {
  it('/headers echoes headers with Werkzeug capitalisation, sorted, with Host', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/headers`, {
      headers: { authorization: 'Bearer abc', 'x-api-key': 'k', accept: '*/*' },
    });
    expect(r.status).toBe(200);
    const headers = (r.body as { headers: Record<string, string> }).headers;
    expect(headers).toMatchObject({ Authorization: 'Bearer abc', 'X-Api-Key': 'k', Host: 'httpbin.org', Accept: '*/*' });
    expect(Object.keys(headers)).toEqual([...Object.keys(headers)].sort());
    expect(r.text.endsWith('}\n')).toBe(true);
  });

  it('/anything with JSON: method, args, data, json, form, files, origin, url', async () => {
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/anything/deep/path?a=1&a=2&b=x`, { json: { name: 'pen' } });
    expect(r.body).toMatchObject({
      method: 'POST',
      args: { a: ['1', '2'], b: 'x' },
      data: '{"name":"pen"}',
      json: { name: 'pen' },
      form: {},
      files: {},
      url: 'https://httpbin.org/anything/deep/path?a=1&a=2&b=x',
    });
    expect(typeof (r.body as { origin: unknown }).origin).toBe('string');
    expect(Object.keys(r.body as object)).toEqual(['args', 'data', 'files', 'form', 'headers', 'json', 'method', 'origin', 'url']);
    expect((r.body as { headers: Record<string, string> }).headers['Content-Length']).toBe('14');
  });

  it('/anything with a form: form filled, data empty, json null', async () => {
    const r = await send(makeServer(), 'PUT', `${HTTPBIN}/anything`, { body: new URLSearchParams({ user: 'alice' }) });
    expect(r.body).toMatchObject({ form: { user: 'alice' }, data: '', json: null, method: 'PUT' });
  });

  it('/anything with multipart: fields in form, file contents in files', async () => {
    const fd = new FormData();
    fd.append('note', 'hi');
    fd.append('upload', new Blob(['file text']), 'a.txt');
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/anything`, { body: fd });
    expect(r.body).toMatchObject({ form: { note: 'hi' }, files: { upload: 'file text' } });
  });

  it('non-ASCII output is escaped like Flask (ensure_ascii)', async () => {
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/anything`, { json: { p: '£' } });
    expect(r.text).toContain('"p": "\\u00a3"');
  });

  it('/headers does not take POST → 405', async () => {
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/headers`);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('/status/{code}', () => {
  it('401 carries Basic realm="Fake Realm" as httpbin sends it', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/status/401`);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Basic realm="Fake Realm"');
    expect(r.text).toBe('');
  });

  it.each([200, 403, 418, 500])('%i', async (code) => {
    expect((await send(makeServer(), 'POST', `${HTTPBIN}/status/${code}`)).status).toBe(code);
  });

  it('204 has no body; a weighted list picks one of its codes; nonsense → 400', async () => {
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/204`)).text).toBe('');
    expect([401, 403]).toContain((await send(makeServer(), 'GET', `${HTTPBIN}/status/401,403:2`)).status);
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/abc`)).status).toBe(400);
  });
});

describe('/bearer', () => {
  it('missing → 401 WWW-Authenticate: Bearer', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/bearer`);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Bearer');
  });

  it('any token → 200 {authenticated, token}', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/bearer`, { headers: { authorization: 'Bearer anything-goes' } });
    expect(r.body).toEqual({ authenticated: true, token: 'anything-goes' });
  });

  it('lower-case bearer is refused, as httpbin checks the exact prefix', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/bearer`, { headers: { authorization: 'bearer x' } });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('case-sensitive');
  });
});

describe('/basic-auth and /hidden-basic-auth', () => {
  it('right credentials → 200 {authenticated, user}', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/basic-auth/user/passwd`, {
      headers: { authorization: basicHeader('user', 'passwd') },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ authenticated: true, user: 'user' });
  });

  it('wrong → 401 Basic realm="Fake Realm"', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/basic-auth/user/passwd`, {
      headers: { authorization: basicHeader('user', 'nope') },
    });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Basic realm="Fake Realm"');
  });

  it('URL-encoded path segments are decoded; a Latin-1 password fails like Werkzeug', async () => {
    const url = `${HTTPBIN}/basic-auth/test/${encodeURIComponent('123£')}`;
    expect((await send(makeServer(), 'GET', url, { headers: { authorization: basicHeader('test', '123£', 'utf8') } })).status).toBe(200);
    expect((await send(makeServer(), 'GET', url, { headers: { authorization: basicHeader('test', '123£', 'latin1') } })).status).toBe(401);
  });

  it('hidden variant → 404 without a challenge on failure, 200 on success', async () => {
    const bad = await send(makeServer(), 'GET', `${HTTPBIN}/hidden-basic-auth/user/passwd`);
    expect(bad.status).toBe(404);
    expect(bad.challenge).toBeNull();
    const good = await send(makeServer(), 'GET', `${HTTPBIN}/hidden-basic-auth/user/passwd`, {
      headers: { authorization: basicHeader('user', 'passwd') },
    });
    expect(good.body).toEqual({ authenticated: true, user: 'user' });
  });

  it('POST is not allowed (httpbin routes these for GET only)', async () => {
    expect((await send(makeServer(), 'POST', `${HTTPBIN}/basic-auth/user/passwd`)).status).toBe(405);
  });
});

describe('/digest-auth', () => {
  it('challenge is a single Digest challenge in httpbin/Werkzeug format', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/digest-auth/auth/user/passwd`);
    expect(r.status).toBe(401);
    expect(r.challenge).toMatch(
      /^Digest realm="me@kennethreitz\.com", nonce="[0-9a-f]+", qop="auth", opaque="[0-9a-f]+", algorithm=MD5, stale=FALSE$/,
    );
  });

  it.each([undefined, 'MD5', 'SHA-256', 'SHA-512'])('HTTPDigestAuth completes with algorithm %s', async (algorithm) => {
    const url = `${HTTPBIN}/digest-auth/auth/user/passwd${algorithm ? `/${algorithm}` : ''}`;
    const { second } = await digestDance(makeServer(), 'GET', url, new RequestsDigestClient('user', 'passwd'));
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ authenticated: true, user: 'user' });
  });

  it('wrong password → 401 after the retry', async () => {
    const { second } = await digestDance(
      makeServer(),
      'GET',
      `${HTTPBIN}/digest-auth/auth/user/passwd`,
      new RequestsDigestClient('user', 'bad'),
    );
    expect(second.status).toBe(401);
  });

  it('an unknown qop offers both (httpbin: qop="auth, auth-int") and requests still picks auth', async () => {
    const url = `${HTTPBIN}/digest-auth/any/user/passwd`;
    const { first, second } = await digestDance(makeServer(), 'GET', url, new RequestsDigestClient('user', 'passwd'));
    expect(first.challenge).toContain('qop="auth, auth-int"');
    expect(second.status).toBe(200);
  });
});

describe('other httpbin paths', () => {
  it('unknown path → 404 HTML like Flask', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/nope`);
    expect(r.status).toBe(404);
    expect(r.text).toContain('<title>404 Not Found</title>');
  });
});

describe('/get, HEAD and OPTIONS', () => {
  it('/get: args, headers, origin, url (the target as sent)', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/get?a=1&a=2`);
    expect(Object.keys(r.body as object)).toEqual(['args', 'headers', 'origin', 'url']);
    expect(r.body).toMatchObject({ args: { a: ['1', '2'] }, url: 'https://httpbin.org/get?a=1&a=2' });
  });

  it('echoes Host and Content-Length as sent on the wire, drops Connection, hides env headers', async () => {
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/anything`, {
      headers: [
        ['Connection', 'keep-alive'],
        ['X-Request-Id', 'abc'],
        ['X-Twice', 'a'],
        ['X-Twice', 'b'],
      ],
      body: 'hi',
    });
    const headers = (r.body as { headers: Record<string, string> }).headers;
    expect(headers).toEqual({ Host: 'httpbin.org', 'Content-Length': '2', 'X-Twice': 'a,b' });
  });

  it('a GET from requests sends no Content-Length, so none is echoed; the browser path still gets Host', async () => {
    const server = makeServer();
    expect((await send(server, 'GET', `${HTTPBIN}/headers`)).body).toEqual({ headers: { Host: 'httpbin.org' } });
    expect((await send(server, 'GET', `${HTTPBIN}/headers`, { via: 'browser' })).body).toEqual({ headers: { Host: 'httpbin.org' } });
  });

  it('HEAD answers like GET without a body', async () => {
    const r = await send(makeServer(), 'HEAD', `${HTTPBIN}/get`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('OPTIONS → 200, empty body, Allow as Flask computes it, matching the 405', async () => {
    const server = makeServer();
    const options = await send(server, 'OPTIONS', `${HTTPBIN}/headers`);
    expect([options.status, options.text, options.headers.get('allow')]).toEqual([200, '', 'GET, HEAD, OPTIONS']);
    expect((await send(server, 'PUT', `${HTTPBIN}/headers`)).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const anything = await send(server, 'OPTIONS', `${HTTPBIN}/anything`);
    expect(anything.headers.get('allow')).toBe('GET, POST, PUT, DELETE, PATCH, TRACE, HEAD, OPTIONS');
  });

  it('status lines carry httpbin.org’s upper-case Werkzeug reasons', async () => {
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/401`)).reason).toBe('UNAUTHORIZED');
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/418`)).reason).toBe("I'M A TEAPOT");
  });

  it('/status: any three-digit code on the wire, only 200–599 for the browser', async () => {
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/799`)).status).toBe(799);
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/1000`)).status).toBe(400);
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/799`, { via: 'browser' })).status).toBe(400);
    expect((await send(makeServer(), 'GET', `${HTTPBIN}/status/304`)).text).toBe('');
  });
});
