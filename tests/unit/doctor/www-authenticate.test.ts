import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../src/doctor/www-authenticate';

describe('parseChallenges (RFC 9110 §11.6.1)', () => {
  it('reads a Bearer challenge with RFC 6750 parameters', () => {
    const [c] = parseChallenges('Bearer realm="api.example.com", error="invalid_token", error_description="The access token expired"');
    expect(c).toEqual({
      scheme: 'Bearer',
      schemeLower: 'bearer',
      params: { realm: 'api.example.com', error: 'invalid_token', error_description: 'The access token expired' },
    });
  });

  it('splits several challenges in one field, with commas inside quoted strings', () => {
    const cs = parseChallenges('Newauth realm="apps", type=1, title="Login to \\"apps\\", now", Basic realm="simple"');
    expect(cs.map((c) => c.scheme)).toEqual(['Newauth', 'Basic']);
    expect(cs[0]!.params).toEqual({ realm: 'apps', type: '1', title: 'Login to "apps", now' });
    expect(cs[1]!.params).toEqual({ realm: 'simple' });
  });

  it('joins several fields and reads token68 and bare schemes', () => {
    const cs = parseChallenges([
      'Negotiate',
      'NTLM TlRMTVNTUAACAAAAAAAAACgAAAABggAAU3J2Tm9uY2UAAAAAAAAAAA==',
      'Basic realm="x", charset="UTF-8"',
    ]);
    expect(cs.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic']);
    expect(cs[1]!.token68).toBe('TlRMTVNTUAACAAAAAAAAACgAAAABggAAU3J2Tm9uY2UAAAAAAAAAAA==');
    expect(cs[2]!.params.charset).toBe('UTF-8');
  });

  it('is case-insensitive for parameter names and tolerates BWS around "="', () => {
    const [c] = parseChallenges('bearer Realm = "r" ,  Scope="items:write"');
    expect(c!.schemeLower).toBe('bearer');
    expect(c!.params).toEqual({ realm: 'r', scope: 'items:write' });
  });

  it('reads a Digest challenge with unquoted algorithm and qop list', () => {
    const [c] = parseChallenges(
      'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe"',
    );
    expect(c!.params.algorithm).toBe('SHA-256');
    expect(c!.params.qop).toBe('auth, auth-int');
  });

  it('never throws on garbage', () => {
    expect(parseChallenges('"=,,')).toEqual([]);
    expect(parseChallenges('')).toEqual([]);
  });
});
