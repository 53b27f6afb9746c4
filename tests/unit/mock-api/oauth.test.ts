/** Token endpoint (RFC 6749 §4.4, §5, §6) and revocation (RFC 7009). */
import { describe, expect, it } from 'vitest';
import type { MockServer } from '../../../src/mock-api/server';
import { API, LIVE, basicHeader, bearer, makeServer, send } from './helpers';

const TOKEN = `${API}/oauth/token`;
const REVOKE = `${API}/oauth/revoke`;
const DEMO = { client_id: 'demo-client', client_secret: 's3cr3t-Pa55' };
const form = (fields: Record<string, string>): URLSearchParams => new URLSearchParams(fields);

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
}

async function clientCredentials(server: MockServer, extra: Record<string, string> = {}): Promise<TokenBody> {
  const r = await send(server, 'POST', TOKEN, { body: form({ grant_type: 'client_credentials', ...DEMO, ...extra }) });
  expect(r.status).toBe(200);
  return r.body as TokenBody;
}

describe('client_credentials (RFC 6749 §4.4)', () => {
  it('client auth in the body → 200 with the §5.1 fields and no-store', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form({ grant_type: 'client_credentials', ...DEMO }) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'items:read items:write' });
    // §4.4.3: a refresh token SHOULD NOT be included, and by default none is.
    expect(Object.keys(r.body as object)).toEqual(['access_token', 'token_type', 'expires_in', 'scope']);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('pragma')).toBe('no-cache');
    expect(r.exchange.decision.code).toBe('token_issued');
  });

  it('client auth by Basic header → 200', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      headers: { authorization: basicHeader('demo-client', 's3cr3t-Pa55') },
      body: form({ grant_type: 'client_credentials' }),
    });
    expect(r.status).toBe(200);
    expect(r.exchange.decision.reason).toContain('via Basic header');
  });

  it('the issued token works on resource routes, then expires on the virtual clock', async () => {
    const server = makeServer({ tokenLifetimeSeconds: 600 });
    const { access_token } = await clientCredentials(server);
    expect((await send(server, 'POST', `${API}/items`, { headers: bearer(access_token), json: { name: 'x' } })).status).toBe(201);
    server.clock.advance(601_000);
    const late = await send(server, 'GET', `${API}/items`, { headers: bearer(access_token) });
    expect(late.status).toBe(401);
    expect(late.exchange.decision.code).toBe('expired_token');
  });

  it('a narrower scope is granted as asked', async () => {
    const body = await clientCredentials(makeServer(), { scope: 'items:read' });
    expect(body.scope).toBe('items:read');
  });

  it('a scope beyond the client → 400 invalid_scope', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      body: form({ grant_type: 'client_credentials', ...DEMO, scope: 'items:read admin' }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_scope' });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('no refresh token by default (§4.4.3 SHOULD NOT)', async () => {
    const body = await clientCredentials(makeServer());
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('a scenario can opt in to a refresh token with client_credentials, and it works', async () => {
    const server = makeServer({ refreshWithClientCredentials: true });
    const body = await clientCredentials(server);
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope']);
    const r = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: body.refresh_token!, ...DEMO }),
    });
    expect(r.status).toBe(200);
    expect(r.exchange.decision.code).toBe('token_refreshed');
  });
});

describe('client authentication failures (§2.3, §5.2)', () => {
  it('wrong secret via Basic header → 401 invalid_client with a Basic challenge', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      headers: { authorization: basicHeader('demo-client', 'nope') },
      body: form({ grant_type: 'client_credentials' }),
    });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Basic realm="api.example.com"');
    expect(r.body).toMatchObject({ error: 'invalid_client' });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('wrong secret in the body → 400 invalid_client', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      body: form({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'nope' }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_client' });
    expect(r.exchange.decision.reason).not.toContain('nope');
  });

  it('no client authentication at all → 401 invalid_client with a challenge', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form({ grant_type: 'client_credentials' }) });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('Basic realm="api.example.com"');
  });

  it('both Basic header and client_secret in the body → 400 invalid_request', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      headers: { authorization: basicHeader('demo-client', 's3cr3t-Pa55') },
      body: form({ grant_type: 'client_credentials', ...DEMO }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it('a secret with + and % sent raw in Basic (as requests does) fails, and the reason says why', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      headers: { authorization: basicHeader('reports-app', 'r3p+rt%s3cr3t') },
      body: form({ grant_type: 'client_credentials' }),
    });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.code).toBe('client_secret_not_urlencoded');
    expect(r.exchange.decision.reason).toContain('quote_plus');
  });

  it('the same secret form-urlencoded first (§2.3.1) succeeds', async () => {
    const encoded = encodeURIComponent('r3p+rt%s3cr3t');
    const r = await send(makeServer(), 'POST', TOKEN, {
      headers: { authorization: basicHeader('reports-app', encoded) },
      body: form({ grant_type: 'client_credentials' }),
    });
    expect(r.status).toBe(200);
  });

  it('the same secret in the body (requests form-encodes data=) succeeds', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      body: form({ grant_type: 'client_credentials', client_id: 'reports-app', client_secret: 'r3p+rt%s3cr3t' }),
    });
    expect(r.status).toBe(200);
  });
});

describe('request shape', () => {
  it('JSON body → 400 invalid_request explaining data= vs json=', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { json: { grant_type: 'client_credentials', ...DEMO } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
    expect(r.exchange.decision.reason).toContain('data=');
  });

  it('missing grant_type → 400 invalid_request', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form(DEMO) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it('unknown grant_type → 400 unsupported_grant_type', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form({ grant_type: 'password', ...DEMO }) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('a repeated parameter → 400 invalid_request (§3.2)', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      body: new URLSearchParams([
        ['grant_type', 'client_credentials'],
        ['grant_type', 'client_credentials'],
        ['client_id', 'demo-client'],
        ['client_secret', 's3cr3t-Pa55'],
      ]),
    });
    expect(r.status).toBe(400);
  });

  it('GET → 405 Allow: POST', async () => {
    const r = await send(makeServer(), 'GET', TOKEN);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
  });
});

describe('refresh_token grant with rotation (§6)', () => {
  it('a valid refresh token gives a new access token and a new refresh token; the old one dies', async () => {
    const server = makeServer();
    const r = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: 'rt_demo_9e4b2c7a1d8f53', ...DEMO }),
    });
    expect(r.status).toBe(200);
    const body = r.body as TokenBody;
    expect(body.refresh_token).not.toBe('rt_demo_9e4b2c7a1d8f53');
    expect(body.token_type).toBe('Bearer');
    expect((await send(server, 'GET', `${API}/items`, { headers: bearer(body.access_token) })).status).toBe(200);
    const reused = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: 'rt_demo_9e4b2c7a1d8f53', ...DEMO }),
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: 'invalid_grant' });
    expect(reused.exchange.decision.reason).toContain('already used');
    const next = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: body.refresh_token ?? '', ...DEMO }),
    });
    expect(next.status).toBe(200);
  });

  it('unknown refresh token → 400 invalid_grant', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form({ grant_type: 'refresh_token', refresh_token: 'rt_bogus', ...DEMO }) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('a refresh token of another client → 400 invalid_grant', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, {
      body: form({
        grant_type: 'refresh_token',
        refresh_token: 'rt_demo_9e4b2c7a1d8f53',
        client_id: 'reports-app',
        client_secret: 'r3p+rt%s3cr3t',
      }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('missing refresh_token → 400 invalid_request', async () => {
    const r = await send(makeServer(), 'POST', TOKEN, { body: form({ grant_type: 'refresh_token', ...DEMO }) });
    expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it('asking for more scope than the grant → 400 invalid_scope', async () => {
    const server = makeServer({ refreshTokens: [{ token: 'rt_small', clientId: 'demo-client', scopes: ['items:read'] }] });
    const r = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: 'rt_small', scope: 'items:write', ...DEMO }),
    });
    expect(r.body).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('revocation (RFC 7009)', () => {
  it('revoking an access token: 200, and the token stops working', async () => {
    const server = makeServer();
    const r = await send(server, 'POST', REVOKE, { body: form({ token: LIVE, token_type_hint: 'access_token', ...DEMO }) });
    expect(r.status).toBe(200);
    expect(r.exchange.decision.code).toBe('token_revoked');
    const after = await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE) });
    expect(after.status).toBe(401);
    expect(after.exchange.decision.code).toBe('revoked_token');
    expect(after.exchange.decision.reason).toContain('virtual 10:00 UTC');
  });

  it('an unknown token → 200 anyway (§2.2)', async () => {
    const r = await send(makeServer(), 'POST', REVOKE, { body: form({ token: 'whatever', ...DEMO }) });
    expect(r.status).toBe(200);
    expect(r.exchange.decision.code).toBe('unknown_token');
  });

  it('revoking a refresh token kills it and the access tokens of its grant', async () => {
    const server = makeServer();
    const got = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: 'rt_demo_9e4b2c7a1d8f53', ...DEMO }),
    });
    const issued = got.body as Required<TokenBody>;
    expect(
      (
        await send(server, 'POST', REVOKE, {
          headers: { authorization: basicHeader('demo-client', 's3cr3t-Pa55') },
          body: form({ token: issued.refresh_token }),
        })
      ).status,
    ).toBe(200);
    const refresh = await send(server, 'POST', TOKEN, {
      body: form({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, ...DEMO }),
    });
    expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
    expect((await send(server, 'GET', `${API}/items`, { headers: bearer(issued.access_token) })).status).toBe(401);
  });

  it('requires client authentication', async () => {
    const r = await send(makeServer(), 'POST', REVOKE, { body: form({ token: LIVE }) });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: 'invalid_client' });
  });

  it('missing token → 400 invalid_request', async () => {
    const r = await send(makeServer(), 'POST', REVOKE, { body: form(DEMO) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request' });
  });

  it("another client's token is refused", async () => {
    const server = makeServer();
    const issued = await clientCredentials(server);
    const r = await send(server, 'POST', REVOKE, {
      body: form({ token: issued.access_token, client_id: 'reports-app', client_secret: 'r3p+rt%s3cr3t' }),
    });
    expect(r.status).toBe(400);
    expect((await send(server, 'GET', `${API}/items`, { headers: bearer(issued.access_token) })).status).toBe(200);
  });
});
