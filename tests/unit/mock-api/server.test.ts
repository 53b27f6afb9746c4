/** The server shell: hosts, CORS, the log (server's view), reset and the clock. */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/mock-api/contract';
import { maskExchange } from '../../../src/mock-api/mask';
import { MOCKED_HOSTS } from '../../../src/mock-api/server';
import { DEFAULT_SERVER_STATE } from '../../../src/mock-api/server-state';
import { createMockServer } from '../../../src/mock-api/server';
import { API, EXPIRED, LIVE, bearer, makeServer, send } from './helpers';

describe('hosts', () => {
  it('mocks exactly api.example.com and httpbin.org', () => {
    expect(MOCKED_HOSTS).toEqual(['api.example.com', 'httpbin.org']);
  });

  it('any other host → null (the caller makes it a network error), nothing logged', async () => {
    const server = makeServer();
    expect(await server.handle(new Request('https://example.org/endpoint'))).toBeNull();
    expect(await server.handle(new Request('https://api.example.com.evil.test/endpoint'))).toBeNull();
    expect(server.log).toHaveLength(0);
  });

  it('unknown path on api.example.com → 404 JSON, with a did-you-mean in the reason', async () => {
    const r = await send(makeServer(), 'POST', `${API}/endpiont`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: 'not_found' });
    expect(r.exchange.decision.reason).toContain('did you mean /endpoint');
  });

  it('wrong method on a known path → 405 with Allow (OPTIONS included: it is answered)', async () => {
    const r = await send(makeServer(), 'GET', `${API}/endpoint`);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('OPTIONS → 204 with the same Allow, no credentials needed (RFC 9110 §9.3.7)', async () => {
    const r = await send(makeServer(), 'OPTIONS', `${API}/items`);
    expect(r.status).toBe(204);
    expect(r.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect(r.text).toBe('');
  });

  it('HEAD is routed like GET (RFC 9110 §9.3.2)', async () => {
    const r = await send(makeServer(), 'HEAD', `${API}/items`, { headers: bearer(LIVE) });
    expect(r.status).toBe(200);
  });

  it('createMockServer accepts DEFAULT_SERVER_STATE', async () => {
    const server = createMockServer(DEFAULT_SERVER_STATE);
    expect((await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE) })).status).toBe(200);
  });
});

describe('CORS', () => {
  it('every answer to the browser exposes its headers to the page', async () => {
    for (const url of [`${API}/endpoint`, 'https://httpbin.org/status/401']) {
      const r = await send(makeServer(), 'POST', url, { via: 'browser' });
      expect(r.headers.get('access-control-expose-headers')).toBe('*');
      expect(r.headers.get('access-control-allow-origin')).toBeTruthy();
      expect(r.exchange.via).toBe('browser');
    }
  });

  it('answers on the wire carry no CORS headers of the mock (only httpbin its own)', async () => {
    const r = await send(makeServer(), 'POST', `${API}/endpoint`);
    expect(r.headers.get('access-control-expose-headers')).toBeNull();
    expect(r.exchange.via).toBe('python');
  });

  it('a preflight gets 204, echoes the requested headers (a * would not cover Authorization), and is not logged', async () => {
    const server = makeServer();
    const response = await server.handle(
      new Request(`${API}/endpoint`, {
        method: 'OPTIONS',
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      }),
    );
    expect(response?.status).toBe(204);
    expect(response?.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(response?.headers.get('access-control-allow-methods')).toContain('POST');
    expect(server.log).toHaveLength(0);
  });
});

describe('every 401 carries WWW-Authenticate (RFC 9110 §15.5.2)', () => {
  it.each([
    ['POST', '/endpoint'],
    ['GET', '/basic/x'],
    ['GET', '/digest/x'],
    ['GET', '/keyed/x'],
    ['POST', '/oauth/token'],
  ])('%s %s', async (method, path) => {
    const r = await send(
      makeServer(),
      method,
      `${API}${path}`,
      path === '/oauth/token' ? { body: new URLSearchParams({ grant_type: 'client_credentials' }) } : {},
    );
    expect(r.status).toBe(401);
    expect(r.challenge).toBeTruthy();
  });
});

describe('the log', () => {
  it('records method, url, headers, bodies, status and decision, numbered from 1', async () => {
    const server = makeServer();
    await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE), json: { a: 1 } });
    await send(server, 'POST', `${API}/endpoint`);
    const [first, second] = server.log as Exchange[];
    expect(first).toMatchObject({
      id: 1,
      method: 'POST',
      url: `${API}/endpoint`,
      requestBody: '{"a":1}',
      status: 200,
      at: Date.parse('2026-01-15T10:00:00Z'),
    });
    expect(first?.requestHeaders).toContainEqual(['authorization', `Bearer ${LIVE}`]);
    expect(first?.responseHeaders).toContainEqual(['content-type', 'application/json']);
    expect(JSON.parse(first?.responseBody ?? '')).toMatchObject({ ok: true });
    expect(second).toMatchObject({ id: 2, status: 401, decision: { code: 'no_credentials' } });
  });

  it('onExchange notifies listeners until unsubscribed', async () => {
    const server = makeServer();
    const seen: number[] = [];
    const stop = server.onExchange((e) => seen.push(e.id));
    await send(server, 'POST', `${API}/endpoint`);
    stop();
    await send(server, 'POST', `${API}/endpoint`);
    expect(seen).toEqual([1]);
  });

  it('a throwing listener does not break the answer', async () => {
    const server = makeServer();
    server.onExchange(() => {
      throw new Error('ui bug');
    });
    const original = console.error;
    console.error = () => {};
    try {
      expect((await send(server, 'POST', `${API}/endpoint`)).status).toBe(401);
    } finally {
      console.error = original;
    }
  });

  it('reasons never contain the raw secret; maskExchange masks headers and token fields', async () => {
    const server = makeServer();
    const r = await send(server, 'POST', `${API}/oauth/token`, {
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 's3cr3t-Pa55' }),
    });
    const issued = (r.body as { access_token: string }).access_token;
    expect(r.exchange.decision.reason).not.toContain(issued);
    const masked = maskExchange(r.exchange);
    expect(masked.requestBody).not.toContain('s3cr3t-Pa55');
    expect(masked.responseBody).not.toContain(issued);
    const bearerExchange = maskExchange((await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE) })).exchange);
    expect(bearerExchange.requestHeaders).toContainEqual(['authorization', 'Bearer tok_…3f']);
  });
});

describe('reset and the clock', () => {
  it('reset restores tokens, revocations, the clock and clears the log', async () => {
    const server = makeServer();
    await send(server, 'POST', `${API}/oauth/revoke`, {
      body: new URLSearchParams({ token: LIVE, client_id: 'demo-client', client_secret: 's3cr3t-Pa55' }),
    });
    server.clock.advance(3 * 3_600_000);
    expect((await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE) })).status).toBe(401);
    server.reset();
    expect(server.log).toHaveLength(0);
    expect(server.clock.now()).toBe(Date.parse('2026-01-15T10:00:00Z'));
    const r = await send(server, 'POST', `${API}/endpoint`, { headers: bearer(LIVE) });
    expect(r.status).toBe(200);
    expect(r.exchange.id).toBe(1);
  });

  it('issued tokens are deterministic across resets (stable transcripts)', async () => {
    const server = makeServer();
    const issue = async (): Promise<string> =>
      (
        (
          await send(server, 'POST', `${API}/oauth/token`, {
            body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 's3cr3t-Pa55' }),
          })
        ).body as { access_token: string }
      ).access_token;
    const first = await issue();
    server.reset();
    expect(await issue()).toBe(first);
  });

  it('a scenario can start the clock elsewhere; tokens with relative expiry follow it', async () => {
    const server = makeServer({ clockStart: '2030-06-01T08:00:00Z', tokens: [{ token: 'tok_short_lived_abc123', expiresAt: '+5m' }] });
    expect(server.clock.now()).toBe(Date.parse('2030-06-01T08:00:00Z'));
    server.clock.advance(6 * 60_000);
    const r = await send(server, 'POST', `${API}/endpoint`, { headers: bearer('tok_short_lived_abc123') });
    expect(r.exchange.decision.reason).toContain('expired 1 min ago (virtual 08:05 UTC)');
  });

  it('a time phrase on another day includes the date', async () => {
    const server = makeServer();
    server.clock.advance(2 * 86_400_000);
    const r = await send(server, 'POST', `${API}/endpoint`, { headers: bearer(EXPIRED) });
    expect(r.exchange.decision.reason).toContain('virtual 2026-01-15 09:56 UTC');
  });
});
