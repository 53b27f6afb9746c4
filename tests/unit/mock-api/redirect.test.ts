/** httpbin's /redirect-to: a 3xx whose Location is the url argument, exactly as given. */
import { describe, expect, it } from 'vitest';
import { HTTPBIN, makeServer, send } from './helpers';

describe('/redirect-to', () => {
  it('answers 302 with Location set to url= unchanged, and an empty body', async () => {
    const target = 'https://api.example.com/items?x=1';
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/redirect-to?url=${encodeURIComponent(target)}`, {
      headers: { authorization: 'Bearer tok_live_8f2c4e9a1b7d3f' },
    });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(target);
    expect(r.text).toBe('');
    expect(r.exchange.decision.code).toBe('redirect');
    expect(r.exchange.decision.reason).toMatch(/another origin, api\.example\.com: the browser drops Authorization/);
  });

  it('uses status_code when it is a 3xx, else 302', async () => {
    const server = makeServer();
    expect((await send(server, 'POST', `${HTTPBIN}/redirect-to?url=/anything&status_code=307`)).status).toBe(307);
    expect((await send(server, 'GET', `${HTTPBIN}/redirect-to?URL=/anything&Status_Code=301`)).status).toBe(301);
    expect((await send(server, 'GET', `${HTTPBIN}/redirect-to?url=/anything&status_code=200`)).status).toBe(302);
    const same = await send(server, 'GET', `${HTTPBIN}/redirect-to?url=/headers`);
    expect(same.exchange.decision.reason).toMatch(/same origin/);
  });

  it('fails like httpbin (500) without url=', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/redirect-to`);
    expect(r.status).toBe(500);
    expect(r.exchange.decision.code).toBe('missing_url');
  });
});
