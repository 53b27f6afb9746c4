/**
 * X-API-Key routes. There is no registered HTTP authentication scheme for API keys (IANA's
 * registry has none), and real APIs vary: some send no challenge, some invent one. RFC 9110
 * §15.5.2 still requires a WWW-Authenticate on every 401, so this mock sends `ApiKey realm="…"`.
 */
import type { RouteAuthenticator } from '../route-authenticator';
import type { DecisionCode } from '../decision-codes';
import { parseAuthorization } from '../auth-header';
import type { RequestContext } from '../context';
import { maskSecret } from '../mask';
import { decide, jsonReply, type Reply } from '../reply';
import { closestMatch } from '../similar';
import { buildChallenge } from '../www-authenticate';
import type { AuthOutcome } from './bearer';

export interface KeyPrincipal {
  key: string;
  scopes: string[];
}

function challenge(ctx: RequestContext, code: DecisionCode, reason: string): Reply {
  const header = buildChallenge('ApiKey', [{ name: 'realm', value: ctx.state.config.realm }]);
  return jsonReply(401, { error: 'invalid_api_key', error_description: 'A valid X-API-Key header is required' }, decide(code, reason), [
    ['www-authenticate', header],
  ]);
}

/** Checks the `X-API-Key` header (and the scope, when the route names one). */
export function checkApiKey(ctx: RequestContext, scope?: string): AuthOutcome<KeyPrincipal> {
  const keys = ctx.state.config.apiKeys;
  const deny = (code: DecisionCode, reason: string): AuthOutcome<never> => ({ ok: false, reply: challenge(ctx, code, reason) });
  const sent = ctx.headers.get('x-api-key');
  if (sent === null) {
    const authorization = parseAuthorization(ctx.headers.get('authorization'));
    if (authorization)
      return deny(
        'wrong_scheme',
        `the key was sent in an Authorization header (\`${authorization.scheme} …\`); this route reads the X-API-Key header`,
      );
    if (ctx.url.searchParams.has('api_key'))
      return deny('no_credentials', 'the key was sent as ?api_key= in the URL; this route reads the X-API-Key header');
    return deny('no_credentials', 'the request has no X-API-Key header');
  }
  const key = keys.find((k) => k.key === sent);
  if (!key) {
    const near = closestMatch(
      sent,
      keys.map((k) => k.key),
    );
    const typo = near ? `; it looks like a typo of ${maskSecret(near.match)}` : '';
    return deny('invalid_api_key', `API key ${maskSecret(sent)} is unknown${typo}`);
  }
  if (scope && !key.scopes.includes(scope)) {
    const reason = `valid API key, but it lacks scope ${scope} (has ${key.scopes.join(' ') || 'no scopes'})`;
    return {
      ok: false,
      reply: jsonReply(
        403,
        { error: 'insufficient_scope', error_description: `The API key lacks scope ${scope}` },
        decide('insufficient_scope', reason),
      ),
    };
  }
  return { ok: true, principal: { key: key.key, scopes: key.scopes }, decision: decide('ok', `valid API key ${maskSecret(key.key)}`) };
}

/** X-API-Key routes: the key's scopes are who is calling; the challenge names `ApiKey`. */
export const apiKeyRouteAuth: RouteAuthenticator = {
  scheme: 'ApiKey',
  authenticate(ctx, route) {
    const r = checkApiKey(ctx, route.scope);
    return r.ok ? { ok: true, identity: { key_scopes: r.principal.scopes }, decision: r.decision } : r;
  },
};
