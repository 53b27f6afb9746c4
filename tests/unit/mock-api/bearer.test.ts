/** POST /endpoint and the resource routes: every Bearer row of design.md §5 (RFC 6750 §3.1). */
import { describe, expect, it } from 'vitest';
import { API, EXPIRED, LIVE, READ_ONLY, REVOKED, bearer, basicHeader, makeServer, send } from './helpers';

const ENDPOINT = `${API}/endpoint`;
const PLAIN = 'Bearer realm="api.example.com"';

describe('no or foreign credentials → 401 with a bare challenge', () => {
  it('no Authorization header: 401, challenge without an error code', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { json: { a: 1 } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(PLAIN);
    expect(r.exchange.decision.code).toBe('no_credentials');
  });

  it.each([
    ['Token abc123', 'Token'],
    [`Token ${LIVE}`, 'Token'],
    [basicHeader('alice', 'wonderland'), 'Basic'],
  ])('scheme word other than Bearer (%s) → plain 401 naming the scheme', async (header, scheme) => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: { authorization: header } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(PLAIN);
    expect(r.exchange.decision.code).toBe('wrong_scheme');
    expect(r.exchange.decision.reason).toContain(`scheme \`${scheme}\` is not accepted here; this API expects \`Bearer\``);
  });

  it('a token with no scheme word → plain 401 saying so', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: { authorization: LIVE } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(PLAIN);
    expect(r.exchange.decision.code).toBe('missing_scheme');
    expect(r.exchange.decision.reason).toContain('the Authorization header has no scheme word: send `Bearer <token>`');
    expect(r.exchange.decision.reason).toContain('tok_…3f');
  });

  it('token only in the query string → plain 401 explaining the header is required', async () => {
    const r = await send(makeServer(), 'POST', `${ENDPOINT}?access_token=${LIVE}`);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(PLAIN);
    expect(r.exchange.decision.reason).toContain('query string');
  });
});

describe('the scheme word is case-insensitive (RFC 9110 §11.1)', () => {
  it.each(['bearer', 'BEARER', 'BeArEr'])('%s <token> is accepted', async (scheme) => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: { authorization: `${scheme} ${LIVE}` }, json: { x: 1 } });
    expect(r.status).toBe(200);
  });
});

describe('malformed Bearer credentials → 400 invalid_request', () => {
  it.each([
    ['Bearer', /no token/],
    [`Bearer ${LIVE} extra`, /single word/],
    [`Bearer Bearer ${LIVE}`, /Bearer appears twice/],
    [`Bearer ${LIVE}, Bearer ${READ_ONLY}`, /two Authorization headers/],
    [`Bearer "${LIVE}"`, /double quotes/],
    ['Bearer {token}', /placeholder/],
    ['Bearer tok<en>', /characters a Bearer token cannot have/],
  ])('%s', async (header, reason) => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: { authorization: header } });
    expect(r.status).toBe(400);
    expect(r.challenge).toMatch(/^Bearer realm="api\.example\.com", error="invalid_request", error_description="[^"\\]+"$/);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
    expect(r.exchange.decision.code).toBe('malformed_credentials');
    expect(r.exchange.decision.reason).toMatch(reason);
  });

  it('token in the header and as access_token in a form body → 400', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(LIVE), body: new URLSearchParams({ access_token: LIVE }) });
    expect(r.status).toBe(400);
    expect(r.challenge).toContain('error="invalid_request"');
    expect(r.exchange.decision.reason).toContain('sent twice');
  });

  it('token in the header and in the query → 400', async () => {
    const r = await send(makeServer(), 'POST', `${ENDPOINT}?access_token=${LIVE}`, { headers: bearer(LIVE) });
    expect(r.status).toBe(400);
  });
});

describe('bad tokens → 401 invalid_token', () => {
  it('unknown token', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer('tok_nothing_like_any_token') });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Bearer realm="api.example.com", error="invalid_token", error_description="The access token is invalid"');
    expect(r.body).toEqual({ error: 'invalid_token', error_description: 'The access token is invalid' });
    expect(r.exchange.decision.code).toBe('invalid_token');
  });

  it('a typo of a real token is named as such', async () => {
    const typo = `${LIVE.slice(0, 10)}X${LIVE.slice(11)}`;
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(typo) });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('looks like a typo of tok_…3f');
  });

  it('the text None (an unset variable) is explained', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer('None') });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('os.environ.get returned None');
  });

  it('a refresh token used as an access token is explained', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer('rt_demo_9e4b2c7a1d8f53') });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('refresh token, not an access token');
  });

  it('expired token: virtual time in the reason', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(EXPIRED) });
    expect(r.status).toBe(401);
    expect(r.challenge).toContain('error="invalid_token", error_description="The access token expired"');
    expect(r.exchange.decision.code).toBe('expired_token');
    expect(r.exchange.decision.reason).toContain('token tok_…84 expired 4 min ago (virtual 09:56 UTC)');
  });

  it('a valid token expires when the virtual clock passes its expiry', async () => {
    const server = makeServer();
    expect((await send(server, 'POST', ENDPOINT, { headers: bearer(LIVE) })).status).toBe(200);
    server.clock.advance(64 * 60_000);
    const r = await send(server, 'POST', ENDPOINT, { headers: bearer(LIVE) });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('expired 4 min ago (virtual 11:00 UTC)');
  });

  it('revoked token', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(REVOKED) });
    expect(r.status).toBe(401);
    expect(r.challenge).toContain('error="invalid_token"');
    expect(r.exchange.decision.code).toBe('revoked_token');
    expect(r.exchange.decision.reason).toContain('revoked');
  });
});

describe('scopes → 403 insufficient_scope (or 401 when the scenario says so)', () => {
  it('valid token lacking items:write → 403 with scope in the challenge', async () => {
    const r = await send(makeServer(), 'POST', `${API}/items`, { headers: bearer(READ_ONLY), json: { name: 'x' } });
    expect(r.status).toBe(403);
    expect(r.challenge).toBe(
      'Bearer realm="api.example.com", error="insufficient_scope", error_description="The access token lacks the required scope", scope="items:write"',
    );
    expect(r.body).toMatchObject({ error: 'insufficient_scope' });
    expect(r.exchange.decision.reason).toBe('valid token, but it lacks scope items:write (has items:read)');
  });

  it('strictScopeStatus: 401 models APIs that answer 401', async () => {
    const r = await send(makeServer({ strictScopeStatus: 401 }), 'POST', `${API}/items`, {
      headers: bearer(READ_ONLY),
      json: { name: 'x' },
    });
    expect(r.status).toBe(401);
    expect(r.challenge).toContain('error="insufficient_scope"');
  });

  it('GET /items with items:read lists items', async () => {
    const r = await send(makeServer(), 'GET', `${API}/items`, { headers: bearer(READ_ONLY) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      items: [
        { id: 1, name: 'notebook' },
        { id: 2, name: 'pencil' },
      ],
    });
  });
});

describe('valid token on /endpoint → 200 echo', () => {
  it('JSON body echoed with the token scopes', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(LIVE), json: { hello: 'world' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, received: { hello: 'world' }, token_scopes: ['items:read', 'items:write'] });
    expect(r.exchange.decision).toMatchObject({ code: 'ok' });
    expect(r.exchange.decision.reason).toContain('valid token tok_…3f');
    expect(r.exchange.decision.reason).not.toContain(LIVE);
  });

  it('form body echoed as an object', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, {
      headers: bearer(LIVE),
      body: new URLSearchParams([
        ['a', '1'],
        ['a', '2'],
        ['b', 'x'],
      ]),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: { a: ['1', '2'], b: 'x' } });
  });

  it('no body → received null', async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer(LIVE) });
    expect(r.body).toMatchObject({ ok: true, received: null });
  });
});

describe('placeholders', () => {
  it("the article's YOUR_TOKEN is called a placeholder", async () => {
    const r = await send(makeServer(), 'POST', ENDPOINT, { headers: bearer('YOUR_TOKEN'), body: new URLSearchParams({ key: 'value' }) });
    expect(r.status).toBe(401);
    expect(r.challenge).toContain('error="invalid_token"');
    expect(r.exchange.decision.reason).toContain('placeholder');
  });
});
