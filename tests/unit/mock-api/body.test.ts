/** Good credentials, wrong body: 415 / 400 / 422 — and only after auth passed. */
import { describe, expect, it } from 'vitest';
import { API, LIVE, bearer, makeServer, send } from './helpers';

const ITEMS = `${API}/items`;

describe('body problems with good credentials', () => {
  it('form body on a JSON-only route → 415 with Accept-Post', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, { headers: bearer(LIVE), body: new URLSearchParams({ name: 'pen' }) });
    expect(r.status).toBe(415);
    expect(r.headers.get('accept-post')).toBe('application/json');
    expect(r.body).toMatchObject({ error: 'unsupported_media_type' });
    expect(r.exchange.decision.reason).toContain('use json=payload');
  });

  it('JSON text without a JSON Content-Type (data=json.dumps(...)) → 415 naming the cause', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, { headers: bearer(LIVE), body: '{"name": "pen"}' });
    expect(r.status).toBe(415);
    expect(r.exchange.decision.reason).toContain('data=json.dumps(...)');
  });

  it('text/plain on /endpoint (JSON or form) → 415', async () => {
    const r = await send(makeServer(), 'POST', `${API}/endpoint`, {
      headers: { ...bearer(LIVE), 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(r.status).toBe(415);
  });

  it('invalid JSON → 400 invalid_json', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, {
      headers: { ...bearer(LIVE), 'content-type': 'application/json' },
      body: "{'name': 'pen'}",
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_json' });
    expect(r.exchange.decision.code).toBe('invalid_json');
  });

  it('JSON lacking the required name → 422', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, { headers: bearer(LIVE), json: { title: 'pen' } });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ error: 'validation_failed', fields: ['name'] });
  });

  it('double-encoded JSON (json=json.dumps(payload)) → 422 explaining it', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, { headers: bearer(LIVE), json: JSON.stringify({ name: 'pen' }) });
    expect(r.status).toBe(422);
    expect(r.exchange.decision.reason).toContain('JSON-encoded twice');
  });

  it('auth is checked first: a bad body with no credentials is a 401, not a 415', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, { body: new URLSearchParams({ name: 'pen' }) });
    expect(r.status).toBe(401);
  });

  it('application/merge+json style types count as JSON (RFC 6839)', async () => {
    const r = await send(makeServer(), 'POST', ITEMS, {
      headers: { ...bearer(LIVE), 'content-type': 'application/vnd.api+json' },
      body: '{"name":"pen"}',
    });
    expect(r.status).toBe(201);
  });
});

describe('POST /items creates (201)', () => {
  it('creates an item with Location, and GET /items then lists it', async () => {
    const server = makeServer();
    const created = await send(server, 'POST', ITEMS, { headers: bearer(LIVE), json: { name: 'pen', colour: 'blue' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/items/3');
    expect(created.body).toEqual({ id: 3, name: 'pen', colour: 'blue' });
    const list = await send(server, 'GET', ITEMS, { headers: bearer(LIVE) });
    expect((list.body as { items: unknown[] }).items).toHaveLength(3);
  });
});
