/** Basic routes (RFC 7617), including the Latin-1 vs UTF-8 trap of requests. */
import { describe, expect, it } from 'vitest';
import { API, LIVE, basicHeader, bearer, makeServer, send } from './helpers';

const URL_ = `${API}/basic/profile`;
const CHALLENGE = 'Basic realm="api.example.com", charset="UTF-8"';

describe('Basic', () => {
  it('RFC 7617 vectors: Aladdin:open sesame and test:123£ (UTF-8)', () => {
    expect(basicHeader('Aladdin', 'open sesame')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(basicHeader('test', '123£', 'utf8')).toBe('Basic dGVzdDoxMjPCow==');
    expect(basicHeader('test', '123£', 'latin1')).toBe('Basic dGVzdDoxMjOj');
  });

  it('the RFC 7617 example user authenticates', async () => {
    const server = makeServer({ users: [{ username: 'Aladdin', password: 'open sesame' }] });
    const r = await send(server, 'GET', URL_, { headers: { authorization: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, user: 'Aladdin' });
  });

  it('missing → 401 with the UTF-8 charset challenge', async () => {
    const r = await send(makeServer(), 'GET', URL_);
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(CHALLENGE);
    expect(r.exchange.decision.code).toBe('no_credentials');
  });

  it('wrong password → 401; the password is never shown', async () => {
    const r = await send(makeServer(), 'POST', URL_, { headers: { authorization: basicHeader('alice', 'WONDERLAND') } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(CHALLENGE);
    expect(r.exchange.decision.code).toBe('wrong_password');
    expect(r.exchange.decision.reason).toContain('•••');
    expect(r.exchange.decision.reason).not.toContain('WONDERLAND');
  });

  it('unknown user → 401', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: basicHeader('bob', 'x') } });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.code).toBe('unknown_user');
  });

  it('UTF-8 non-ASCII password authenticates', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: 'Basic dGVzdDoxMjPCow==' } });
    expect(r.status).toBe(200);
  });

  it('Latin-1 password (what requests sends for a str) → 401 with the encoding explained', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: 'Basic dGVzdDoxMjOj' } });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(CHALLENGE);
    expect(r.exchange.decision.code).toBe('latin1_credentials');
    expect(r.exchange.decision.reason).toContain('Latin-1');
    expect(r.exchange.decision.reason).toContain('UTF-8');
    expect(r.exchange.decision.reason).toContain('right password for test');
  });

  it('scheme is case-insensitive', async () => {
    const r = await send(makeServer(), 'GET', URL_, {
      headers: { authorization: basicHeader('alice', 'wonderland').replace('Basic', 'bAsIc') },
    });
    expect(r.status).toBe(200);
  });

  it('Bearer on a Basic route → 401 Basic challenge, wrong_scheme', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: bearer(LIVE) });
    expect(r.status).toBe(401);
    expect(r.challenge).toBe(CHALLENGE);
    expect(r.exchange.decision.code).toBe('wrong_scheme');
  });

  it.each([
    ['Basic', /nothing after it/],
    ['Basic !!!notbase64', /not valid base64/],
    [`Basic ${btoa('nocolon')}`, /no colon/],
  ])('malformed %s → 401', async (header, reason) => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: header } });
    expect(r.status).toBe(401);
    expect(r.exchange.decision.reason).toMatch(reason);
  });

  it('password with a trailing newline/space is called out', async () => {
    const r = await send(makeServer(), 'GET', URL_, { headers: { authorization: basicHeader('alice', 'wonderland ') } });
    expect(r.exchange.decision.reason).toContain('extra whitespace');
  });
});
