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
    expect(r.exchange.decision.reason).toMatch(
      /another host, api\.example\.com: requests follows it but its rebuild_auth drops Authorization/,
    );
  });

  it('uses status_code when it is a 3xx, else 302', async () => {
    const server = makeServer();
    expect((await send(server, 'POST', `${HTTPBIN}/redirect-to?url=/anything&status_code=307`)).status).toBe(307);
    expect((await send(server, 'GET', `${HTTPBIN}/redirect-to?URL=/anything&Status_Code=301`)).status).toBe(301);
    expect((await send(server, 'GET', `${HTTPBIN}/redirect-to?url=/anything&status_code=200`)).status).toBe(302);
    const same = await send(server, 'GET', `${HTTPBIN}/redirect-to?url=/headers`);
    expect(same.exchange.decision.reason).toMatch(/keeps Authorization: same host/);
  });

  it('fails like httpbin (500) without url=', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/redirect-to`);
    expect(r.status).toBe(500);
    expect(r.exchange.decision.code).toBe('missing_url');
  });
});

describe('/redirect, /relative-redirect, /absolute-redirect', () => {
  it('/redirect/3 → 302 to /relative-redirect/2 with Werkzeug’s HTML body; /redirect/1 → /get', async () => {
    const server = makeServer();
    const r = await send(server, 'GET', `${HTTPBIN}/redirect/3`);
    expect([r.status, r.reason]).toEqual([302, 'FOUND']);
    expect(r.headers.get('location')).toBe('/relative-redirect/2');
    expect(r.text).toContain('<a href="/relative-redirect/2">/relative-redirect/2</a>.  If not click the link.');
    expect((await send(server, 'GET', `${HTTPBIN}/redirect/1`)).headers.get('location')).toBe('/get');
  });

  it('?absolute=true gives absolute http:// URLs built from the Host header, as httpbin.org does', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/redirect/2?absolute=true`, { headers: { authorization: 'Bearer t' } });
    expect(r.headers.get('location')).toBe('http://httpbin.org/absolute-redirect/1');
    expect(r.exchange.decision.reason).toMatch(/scheme or port changes .*rebuild_auth drops Authorization/);
  });

  it('/relative-redirect/n: empty body; /absolute-redirect/1 → http://httpbin.org/get', async () => {
    const server = makeServer();
    const relative = await send(server, 'GET', `${HTTPBIN}/relative-redirect/2`);
    expect([relative.headers.get('location'), relative.text]).toEqual(['/relative-redirect/1', '']);
    expect((await send(server, 'GET', `${HTTPBIN}/absolute-redirect/1`)).headers.get('location')).toBe('http://httpbin.org/get');
  });

  it('n = 0 fails httpbin’s assert (500); a non-number does not match the route (404); POST → 405', async () => {
    const server = makeServer();
    expect((await send(server, 'GET', `${HTTPBIN}/redirect/0`)).status).toBe(500);
    expect((await send(server, 'GET', `${HTTPBIN}/redirect/x`)).status).toBe(404);
    expect((await send(server, 'POST', `${HTTPBIN}/redirect/2`)).status).toBe(405);
  });

  it('a POST to a 302 is re-sent as GET by requests, which the reason says', async () => {
    const r = await send(makeServer(), 'POST', `${HTTPBIN}/redirect-to?url=/get`);
    expect(r.exchange.decision.reason).toContain('re-sends the POST as a GET');
    const kept = await send(makeServer(), 'POST', `${HTTPBIN}/redirect-to?url=/anything&status_code=307`);
    expect(kept.exchange.decision.reason).not.toContain('as a GET');
  });

  it('/status/302 points to /redirect/1, which now exists', async () => {
    const server = makeServer();
    expect((await send(server, 'GET', `${HTTPBIN}/status/302`)).headers.get('location')).toBe('/redirect/1');
    expect((await send(server, 'GET', `${HTTPBIN}/redirect/1`)).status).toBe(302);
  });

  it('the browser path words it for the browser', async () => {
    const r = await send(makeServer(), 'GET', `${HTTPBIN}/redirect-to?url=https://api.example.com/items`, { via: 'browser' });
    expect(r.exchange.decision.reason).toMatch(/another origin, api\.example\.com: the browser drops Authorization/);
  });
});
