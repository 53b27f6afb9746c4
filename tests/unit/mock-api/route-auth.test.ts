/** The one list of route credentials (route-auth.ts) and the one list of scheme words, as the mock and the inspector use them. */
import { describe, expect, it } from 'vitest';
import { AUTH_SCHEME_WORDS, isAuthSchemeWord } from '../../../src/mock-api/auth-scheme-words';
import { ROUTE_AUTH, ROUTE_AUTHENTICATORS } from '../../../src/mock-api/route-auth';
import { maskHeaderValue } from '../../../src/inspector/mask';
import { API, makeServer, send } from './helpers';

describe('route credentials registry', () => {
  it('every registered kind answers a request without credentials as its scheme says', async () => {
    for (const auth of ROUTE_AUTH) {
      const server = makeServer({ routes: [{ method: 'GET', path: '/probe', auth, body: 'none' }] });
      const r = await send(server, 'GET', `${API}/probe`);
      const { scheme } = ROUTE_AUTHENTICATORS[auth];
      if (scheme === null) {
        expect(r.status, auth).toBe(200);
        continue;
      }
      expect(r.status, auth).toBe(401);
      // RFC 9110 §11.6.1: the challenge names the scheme; the inspector and the doctor must know the word.
      expect(r.challenge?.split(' ')[0], auth).toBe(scheme);
      expect(isAuthSchemeWord(scheme), `${scheme} missing from auth-scheme-words.ts`).toBe(true);
    }
  });

  it('a lone scheme word is a wrong scheme to a Bearer route, any other lone word a missing one', async () => {
    const lone = async (value: string) =>
      (await send(makeServer(), 'POST', `${API}/endpoint`, { headers: { authorization: value }, json: {} })).exchange.decision.code;
    expect(await lone('DPoP')).toBe('wrong_scheme');
    expect(await lone('token')).toBe('wrong_scheme');
    expect(await lone('tok_live_8f2c4e9a1b7d3f')).toBe('missing_scheme');
  });

  it('the inspector never masks a scheme word sent alone', () => {
    for (const word of AUTH_SCHEME_WORDS) expect(maskHeaderValue('Authorization', word)).toBe(word);
    expect(maskHeaderValue('Authorization', 'tok_live_8f2c4e9a1b7d3f')).not.toContain('8f2c4e9a');
  });
});
