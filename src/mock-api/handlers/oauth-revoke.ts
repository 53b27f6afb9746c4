/**
 * `POST /oauth/revoke` (RFC 7009). 200 whether or not the token was known (§2.2): the client's
 * goal, an unusable token, holds either way, and the answer reveals nothing to a token guesser.
 */
import type { DecisionCode } from '../decision-codes';
import { mediaType, type RequestContext } from '../context';
import { maskSecret } from '../mask';
import { decide, textReply, type Reply } from '../reply';
import { authenticateClient } from './client-auth';
import { NO_STORE, oauthError, postOnly, readForm } from './oauth-reply';

const ok = (code: DecisionCode, reason: string): Reply => textReply(200, '', decide(code, reason), NO_STORE);

/** Handles the revocation endpoint. */
export function handleRevoke(ctx: RequestContext): Reply {
  if (ctx.method !== 'POST') return postOnly(ctx.method);
  const form = readForm(mediaType(ctx.headers), ctx.bodyText, ctx.url.searchParams);
  if (!(form instanceof URLSearchParams)) return form;
  const auth = authenticateClient(ctx, form);
  if (!auth.ok) return auth.reply;
  const token = form.get('token');
  if (token === null) return oauthError(400, 'invalid_request', 'Missing token', 'the form has no token parameter (RFC 7009 §2.1)');
  const { state, clock } = ctx;
  const now = clock.now();
  const clientId = auth.client.clientId;
  // §2.1: the server checks the token was issued to this client and refuses otherwise.
  const foreign = (owner: string | null): Reply | null =>
    owner !== null && owner !== clientId
      ? oauthError(
          400,
          'invalid_request',
          'The token was not issued to this client',
          `token ${maskSecret(token)} belongs to "${owner}", not "${clientId}"`,
        )
      : null;

  const access = state.accessTokens.get(token);
  if (access) {
    const refused = foreign(access.clientId);
    if (refused) return refused;
    access.revokedAt ??= now;
    return ok('token_revoked', `access token ${maskSecret(token)} revoked by "${clientId}": it stops working now`);
  }
  const refresh = state.refreshTokens.get(token);
  if (refresh) {
    const refused = foreign(refresh.clientId);
    if (refused) return refused;
    refresh.spent ??= { how: 'revoked', at: now };
    // §2.1: revoking a refresh token SHOULD also revoke the access tokens of the same grant.
    let count = 0;
    for (const record of state.accessTokens.values())
      if (record.grantId === refresh.grantId && record.revokedAt === null) {
        record.revokedAt = now;
        count += 1;
      }
    return ok(
      'token_revoked',
      `refresh token ${maskSecret(token)} revoked by "${clientId}", with ${count} access token(s) of the same grant`,
    );
  }
  return ok(
    'unknown_token',
    `token ${maskSecret(token)} is not known; RFC 7009 §2.2 answers 200 anyway (an invalid token is as good as revoked)`,
  );
}
