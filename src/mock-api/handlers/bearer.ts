/**
 * Bearer token checks for resource routes (RFC 6750). Statuses follow §3.1: no credentials → 401
 * with a bare challenge; malformed → 400 invalid_request; bad token → 401 invalid_token; missing
 * scope → 403 insufficient_scope.
 */
import type { RouteAuthenticator } from '../route-authenticator';
import type { DecisionCode } from '../decision-codes';
import { formatDuration, formatVirtualTime } from '../clock';
import type { Decision } from '../contract';
import { parseAuthorization } from '../auth-header';
import { isAuthSchemeWord } from '../auth-scheme-words';
import { mediaType, type RequestContext } from '../context';
import { maskSecret } from '../mask';
import { decide, jsonReply, type Reply } from '../reply';
import type { AccessTokenRecord } from '../state';
import { B64TOKEN } from '../b64token';
import { buildChallenge, sanitizeErrorDescription, type ChallengeParam } from '../www-authenticate';
import { describeUnknownToken } from './token-hints';

/** Either the caller is authenticated, or here is the answer to send. */
export type AuthOutcome<P> = { ok: true; principal: P; decision: Decision } | { ok: false; reply: Reply };

type BearerError = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

/** The challenge-carrying reply; `error` omitted = no credentials (no error code, §3.1). */
export function bearerReply(
  ctx: RequestContext,
  status: number,
  decision: Decision,
  error?: BearerError,
  description?: string,
  scope?: string,
): Reply {
  const params: ChallengeParam[] = [{ name: 'realm', value: ctx.state.config.realm }];
  if (error) params.push({ name: 'error', value: error });
  if (error && description) params.push({ name: 'error_description', value: sanitizeErrorDescription(description) });
  if (scope) params.push({ name: 'scope', value: scope });
  const body = error ? { error, error_description: description } : { message: 'Authentication required' };
  return jsonReply(status, body, decision, [['www-authenticate', buildChallenge('Bearer', params)]]);
}

/** Where else the request carried an `access_token` (RFC 6750 §2.2 body, §2.3 query). */
function tokenElsewhere(ctx: RequestContext): string | null {
  if (ctx.url.searchParams.has('access_token')) return 'the query string';
  if (mediaType(ctx.headers) === 'application/x-www-form-urlencoded' && new URLSearchParams(ctx.bodyText).has('access_token'))
    return 'the form body';
  return null;
}

function malformed(ctx: RequestContext, reason: string, description: string): AuthOutcome<never> {
  return { ok: false, reply: bearerReply(ctx, 400, decide('malformed_credentials', reason), 'invalid_request', description) };
}

/** Why a credential string is not a b64token, in a learner's words. */
function syntaxProblem(token: string): string {
  if (/^".*"$/.test(token)) return 'the token is wrapped in double quotes; Bearer credentials are the bare token (no quotes)';
  if (/[{}]/.test(token))
    return `the token looks like an unfilled placeholder (\`${token.length > 24 ? `${token.slice(0, 24)}…` : token}\`): was the f of an f-string missing?`;
  const bad = [...new Set(token.replace(/[A-Za-z0-9\-._~+/=]/g, ''))].map((c) => `\`${c}\``).join(' ');
  return `the token contains characters a Bearer token cannot have (${bad}; RFC 6750 §2.1 b64token)`;
}

/** Checks Bearer credentials and, when `scope` is given, that the token has it. */
export function checkBearer(ctx: RequestContext, scope?: string): AuthOutcome<AccessTokenRecord> {
  const { state, clock } = ctx;
  const credentials = parseAuthorization(ctx.headers.get('authorization'));
  const elsewhere = tokenElsewhere(ctx);
  const deny = (code: DecisionCode, reason: string): AuthOutcome<never> => ({
    ok: false,
    reply: bearerReply(ctx, 401, decide(code, reason)),
  });

  if (!credentials) {
    if (elsewhere)
      return deny(
        'no_credentials',
        `no Authorization header; the token came as access_token in ${elsewhere}, which this API does not read: send \`Authorization: Bearer <token>\``,
      );
    return deny(
      'no_credentials',
      'the request has no Authorization header, so the API cannot tell who is calling (requests sends none unless you pass headers= or auth=)',
    );
  }
  if (credentials.schemeLower !== 'bearer') {
    const word = credentials.rest === '' ? credentials.scheme || credentials.rest : credentials.rest;
    const known = state.accessTokens.has(word) ? ` (${maskSecret(word)} is a known token)` : '';
    // A scheme word alone (`Authorization: Token`) is a wrong scheme; any other lone word is a bare token.
    if (credentials.scheme === '' || (credentials.rest === '' && !isAuthSchemeWord(credentials.scheme)))
      return deny('missing_scheme', `the Authorization header has no scheme word: send \`Bearer <token>\`${known}`);
    const basicHint = credentials.schemeLower === 'basic' ? ' (requests sends Basic when you pass auth=(user, password))' : '';
    return deny('wrong_scheme', `scheme \`${credentials.scheme}\` is not accepted here; this API expects \`Bearer\`${basicHint}${known}`);
  }

  const token = credentials.rest;
  if (token === '')
    return malformed(ctx, '`Bearer` with no token after it: the token value was empty', 'The Bearer credentials have no token');
  if (/,\s*bearer\b/i.test(token))
    return malformed(ctx, 'two Authorization headers arrived, joined by a comma: send exactly one', 'Multiple Authorization credentials');
  if (/\s/.test(token)) {
    const twice = /^bearer\s/i.test(token);
    return malformed(
      ctx,
      twice
        ? 'the word Bearer appears twice (`Bearer Bearer …`): the token already included the prefix'
        : 'the credentials contain a space: a Bearer token is a single word',
      'The Bearer credentials are malformed',
    );
  }
  if (!B64TOKEN.test(token)) return malformed(ctx, syntaxProblem(token), 'The Bearer credentials are malformed');
  if (elsewhere)
    return malformed(
      ctx,
      `the token was sent twice: in the Authorization header and as access_token in ${elsewhere} (RFC 6750 §2 allows one method per request)`,
      'The access token was sent in more than one way',
    );

  const record = state.accessTokens.get(token);
  const now = clock.now();
  const invalid = (code: DecisionCode, reason: string, description: string): AuthOutcome<never> => ({
    ok: false,
    reply: bearerReply(ctx, 401, decide(code, reason), 'invalid_token', description),
  });
  if (!record) return invalid('invalid_token', describeUnknownToken(state, token), 'The access token is invalid');
  const masked = maskSecret(token);
  if (record.revokedAt !== null) {
    const when = record.revokedBeforeStart
      ? 'before this run started'
      : `${formatDuration(now - record.revokedAt)} ago (virtual ${formatVirtualTime(record.revokedAt, now)})`;
    return invalid(
      'revoked_token',
      `token ${masked} was revoked ${when}: it can never be used again; get a new one`,
      'The access token was revoked',
    );
  }
  if (record.expiresAt !== null && record.expiresAt <= now)
    return invalid(
      'expired_token',
      `token ${masked} expired ${formatDuration(now - record.expiresAt)} ago (virtual ${formatVirtualTime(record.expiresAt, now)}); get a new one from the token endpoint`,
      'The access token expired',
    );

  const has = record.scopes.length ? record.scopes.join(' ') : 'no scopes';
  if (scope && !record.scopes.includes(scope)) {
    const status = state.config.strictScopeStatus;
    const note = status === 401 ? ' (this API answers 401 where RFC 6750 §3.1 says 403)' : '';
    return {
      ok: false,
      reply: bearerReply(
        ctx,
        status,
        decide('insufficient_scope', `valid token, but it lacks scope ${scope} (has ${has})${note}`),
        'insufficient_scope',
        'The access token lacks the required scope',
        scope,
      ),
    };
  }
  const expiry = record.expiresAt === null ? 'does not expire' : `expires in ${formatDuration(record.expiresAt - now)}`;
  return { ok: true, principal: record, decision: decide('ok', `valid token ${masked} (scopes: ${has}); it ${expiry}`) };
}

/** Bearer routes: the token's scopes are who is calling. */
export const bearerRouteAuth: RouteAuthenticator = {
  scheme: 'Bearer',
  authenticate(ctx, route) {
    const r = checkBearer(ctx, route.scope);
    return r.ok ? { ok: true, identity: { token_scopes: r.principal.scopes }, decision: r.decision } : r;
  },
};
