/** X-API-Key routes. */
import { describe, expect, it } from 'vitest';
import { API, makeServer, send } from './helpers';

const URL_ = `${API}/keyed/stats`;
const KEY = 'key_4f8a2c9e1b7d6a';

describe('X-API-Key', () => {
  it('valid key → 200', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { 'X-API-Key': KEY } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, key_scopes: ['items:read'] });
  });

  it('missing key → 401 with an ApiKey challenge', async () => {
    const r = await send(makeServer(), 'GET', URL_);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('ApiKey realm="api.example.com"');
    expect(r.exchange.decision.code).toBe('no_credentials');
  });

  it('wrong key → 401, a typo is named', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { 'x-api-key': `${KEY.slice(0, -1)}b` } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe('ApiKey realm="api.example.com"');
    expect(r.exchange.decision.reason).toContain('typo of key_…6a');
  });

  it('key sent as a Bearer token → 401 explaining the header name', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: `Bearer ${KEY}` } });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toContain('X-API-Key header');
  });

  it('a route scope the key lacks → 403', async () => {
    const server = makeServer({ routes: [{ path: '/keyed/*', auth: 'api-key', scope: 'items:write' }] });
    const r = await send(server, 'POST', URL_, { headers: { 'x-api-key': KEY } });
    expect(r.status).toBe(403);
  });
});
