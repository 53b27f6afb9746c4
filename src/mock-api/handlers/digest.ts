/**
 * Digest routes (RFC 7616) with qop="auth", compatible with requests' HTTPDigestAuth. Each 401
 * carries exactly one challenge: a browser joins repeated WWW-Authenticate headers with a comma
 * and requests' parser then mixes Digest and Basic parameters.
 */
import type { RouteAuthenticator } from '../route-authenticator';
import type { DecisionCode } from '../decision-codes';
import { formatDuration } from '../clock';
import { parseAuthParams, parseAuthorization } from '../auth-header';
import { requestTarget, type RequestContext } from '../context';
import { digestResponse } from '../digest-core';
import { MASKED_PASSWORD } from '../mask';
import { decide, jsonReply, type Reply } from '../reply';
import { buildChallenge } from '../www-authenticate';
import type { AuthOutcome } from './bearer';
import type { UserPrincipal } from './basic';

/** The server-wide `opaque` (RFC 7616 §3.3): clients must return it unchanged. */
const OPAQUE = '5ccc069c403ebaf9f0171e9517f40e41';

/** A fresh nonce, remembered with its virtual issue time (so expiry follows the virtual clock). */
function issueNonce(ctx: RequestContext): string {
  const nonce = ctx.state.newSecret('');
  ctx.state.nonces.set(nonce, { issuedAt: ctx.clock.now(), lastNc: 0 });
  return nonce;
}

/** 401 with one Digest challenge; `stale=true` tells the client only the nonce was old (§3.3). */
export function digestChallengeReply(ctx: RequestContext, code: DecisionCode, reason: string, stale = false): Reply {
  const challenge = buildChallenge('Digest', [
    { name: 'realm', value: ctx.state.config.realm },
    { name: 'qop', value: 'auth' },
    { name: 'algorithm', value: ctx.state.config.digest.algorithm, token: true },
    { name: 'nonce', value: issueNonce(ctx) },
    { name: 'opaque', value: OPAQUE },
    ...(stale ? [{ name: 'stale', value: 'true', token: true }] : []),
  ]);
  return jsonReply(401, { message: 'Authentication required' }, decide(code, reason), [['www-authenticate', challenge]]);
}

/** 400 for credentials a server cannot even evaluate (RFC 2617 §3.2.2.5 answers a bad uri so). */
function badRequest(code: DecisionCode, reason: string): Reply {
  return jsonReply(400, { error: 'bad_request', error_description: 'Malformed Digest credentials' }, decide(code, reason));
}

/** Checks Digest credentials against the scenario's users and the nonces this server issued. */
export function checkDigest(ctx: RequestContext): AuthOutcome<UserPrincipal> {
  const { config } = ctx.state;
  const deny = (code: DecisionCode, reason: string, stale = false): AuthOutcome<never> => ({
    ok: false,
    reply: digestChallengeReply(ctx, code, reason, stale),
  });
  const fail = (code: DecisionCode, reason: string): AuthOutcome<never> => ({ ok: false, reply: badRequest(code, reason) });

  const credentials = parseAuthorization(ctx.headers.get('authorization'));
  if (!credentials)
    return deny('no_credentials', 'no Authorization header yet: this is the challenge; HTTPDigestAuth answers it with a second request');
  if (credentials.schemeLower !== 'digest') {
    const hint = credentials.schemeLower === 'basic' ? ' (auth=(user, password) means Basic; use HTTPDigestAuth(user, password))' : '';
    return deny('wrong_scheme', `scheme \`${credentials.scheme || '(none)'}\` is not accepted here; this route expects \`Digest\`${hint}`);
  }
  const p = parseAuthParams(credentials.rest);
  if (!p)
    return fail('malformed_credentials', 'the Digest parameters could not be parsed (a comma-separated name=value list, RFC 7616 §3.4)');
  const missing = ['username', 'realm', 'nonce', 'uri', 'response'].filter((name) => !p.has(name));
  if (missing.length) return fail('malformed_credentials', `the Digest credentials lack ${missing.join(', ')}`);
  const get = (name: string): string => p.get(name) ?? '';

  const target = requestTarget(ctx);
  if (get('uri') !== target && get('uri') !== ctx.url.href)
    return fail('uri_mismatch', `the Digest uri "${get('uri')}" is not this request's target "${target}"`);
  if (get('realm') !== config.realm) return deny('wrong_realm', `realm "${get('realm')}" is not this server's realm "${config.realm}"`);
  const algorithm = p.get('algorithm') ?? 'MD5';
  if (algorithm.toLowerCase() !== config.digest.algorithm.toLowerCase())
    return deny('wrong_algorithm', `the client used algorithm ${algorithm}; the challenge asked for ${config.digest.algorithm}`);
  if (get('opaque') !== OPAQUE)
    return deny('opaque_mismatch', 'the opaque value from the challenge was not returned unchanged (RFC 7616 §3.3)');
  const qop = p.get('qop');
  if (qop !== 'auth')
    return deny(
      'wrong_qop',
      qop === undefined
        ? 'no qop: the client used the obsolete RFC 2069 form; this server requires qop=auth'
        : `qop "${qop}" was not offered; this server offers qop=auth`,
    );
  const nc = get('nc');
  if (!/^[0-9a-fA-F]{8}$/.test(nc) || !p.get('cnonce'))
    return fail('malformed_credentials', 'qop=auth needs nc (8 hex digits) and cnonce (RFC 7616 §3.4)');

  const nonce = ctx.state.nonces.get(get('nonce'));
  if (!nonce)
    return deny('unknown_nonce', 'the nonce was not issued by this server (or the server was reset since): a new challenge was sent');
  const user = config.users.find((u) => u.username === get('username'));
  if (!user) return deny('unknown_user', `there is no user "${get('username')}"`);
  const expected = digestResponse({
    algorithm: config.digest.algorithm,
    username: user.username,
    realm: config.realm,
    password: user.password,
    method: ctx.method,
    uri: get('uri'),
    nonce: get('nonce'),
    qop: 'auth',
    nc,
    cnonce: get('cnonce'),
  });
  if (get('response').toLowerCase() !== expected)
    return deny(
      'wrong_password',
      `the response hash does not match password ${MASKED_PASSWORD} of user "${user.username}": wrong password`,
    );

  const age = ctx.clock.now() - nonce.issuedAt;
  if (age > config.digest.nonceLifetimeSeconds * 1000)
    return deny(
      'stale_nonce',
      `right password, but the nonce is ${formatDuration(age)} old (lifetime ${formatDuration(config.digest.nonceLifetimeSeconds * 1000)}): a fresh nonce was sent with stale=true`,
      true,
    );
  const count = parseInt(nc, 16);
  if (count <= nonce.lastNc) return deny('nonce_replay', `nonce count ${nc} was already used with this nonce: a replayed request`);
  nonce.lastNc = count;
  return {
    ok: true,
    principal: { username: user.username },
    decision: decide('ok', `user "${user.username}" authenticated with Digest (${config.digest.algorithm}, nc=${nc})`),
  };
}

export const digestRouteAuth: RouteAuthenticator = {
  scheme: 'Digest',
  authenticate(ctx) {
    const r = checkDigest(ctx);
    return r.ok ? { ok: true, identity: { user: r.principal.username }, decision: r.decision } : r;
  },
};
