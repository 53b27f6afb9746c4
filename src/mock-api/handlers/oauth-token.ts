/**
 * `POST /oauth/token` (RFC 6749): client_credentials (§4.4) and refresh_token with rotation (§6).
 * Issued tokens join the runtime state, so they work on the resource routes until they expire on
 * the virtual clock.
 */
import type { DecisionCode } from '../decision-codes';
import { formatVirtualTime } from '../clock';
import { mediaType, type RequestContext } from '../context';
import { maskSecret } from '../mask';
import { decide, type Reply } from '../reply';
import { authenticateClient } from './client-auth';
import { oauthError, postOnly, readForm, tokenReply } from './oauth-reply';

/** Space-delimited scope list (§3.3); null when the parameter is absent. */
function requestedScopes(form: URLSearchParams): string[] | null {
  const scope = form.get('scope');
  return scope === null ? null : scope.split(' ').filter((s) => s !== '');
}

/** Issues an access token (and a refresh token with `refreshScopes`, unless null) and answers §5.1. */
function issue(
  ctx: RequestContext,
  clientId: string,
  scopes: string[],
  grantId: string,
  refreshScopes: string[] | null,
  how: string,
  code: DecisionCode,
): Reply {
  const { state, clock } = ctx;
  const now = clock.now();
  const lifetime = state.config.tokenLifetimeSeconds;
  const token = state.newSecret('tok_');
  state.accessTokens.set(token, {
    token,
    scopes,
    expiresAt: now + lifetime * 1000,
    revokedAt: null,
    revokedBeforeStart: false,
    clientId,
    grantId,
  });
  const body: Record<string, unknown> = { access_token: token, token_type: 'Bearer', expires_in: lifetime };
  let refreshNote = '';
  if (refreshScopes) {
    const refresh = state.newSecret('rt_');
    state.refreshTokens.set(refresh, { token: refresh, clientId, scopes: refreshScopes, grantId, spent: null });
    body['refresh_token'] = refresh;
    refreshNote = ` and refresh token ${maskSecret(refresh)}`;
  }
  body['scope'] = scopes.join(' ');
  const until = formatVirtualTime(now + lifetime * 1000, now);
  return tokenReply(
    body,
    decide(
      code,
      `${how}: issued access token ${maskSecret(token)}${refreshNote} to "${clientId}" (scopes: ${scopes.join(' ') || 'none'}), valid until virtual ${until}`,
    ),
  );
}

/** Handles the token endpoint. */
export function handleToken(ctx: RequestContext): Reply {
  if (ctx.method !== 'POST') return postOnly(ctx.method);
  const form = readForm(mediaType(ctx.headers), ctx.bodyText, ctx.url.searchParams);
  if (!(form instanceof URLSearchParams)) return form;
  const grantType = form.get('grant_type');
  if (grantType === null)
    return oauthError(400, 'invalid_request', 'Missing grant_type', 'the form has no grant_type (e.g. grant_type=client_credentials)');
  const auth = authenticateClient(ctx, form);
  if (!auth.ok) return auth.reply;
  const { client, via } = auth;
  const requested = requestedScopes(form);

  if (grantType === 'client_credentials') {
    const scopes = requested ?? client.scopes;
    const refused = scopes.filter((s) => !client.scopes.includes(s));
    if (refused.length)
      return oauthError(
        400,
        'invalid_scope',
        'The requested scope exceeds what the client may ask for',
        `client "${client.clientId}" may ask for ${client.scopes.join(' ') || 'no scopes'}; it asked for ${refused.join(' ')}`,
      );
    const grantId = ctx.state.newSecret('grant_');
    const refreshScopes = ctx.state.config.refreshWithClientCredentials ? scopes : null;
    return issue(
      ctx,
      client.clientId,
      scopes,
      grantId,
      refreshScopes,
      `client "${client.clientId}" authenticated via ${via}`,
      'token_issued',
    );
  }

  if (grantType === 'refresh_token') {
    const presented = form.get('refresh_token');
    if (presented === null)
      return oauthError(400, 'invalid_request', 'Missing refresh_token', 'grant_type=refresh_token needs a refresh_token parameter');
    const record = ctx.state.refreshTokens.get(presented);
    const now = ctx.clock.now();
    const bad = (reason: string): Reply => oauthError(400, 'invalid_grant', 'The refresh token is invalid', reason);
    if (!record) {
      const isAccess = ctx.state.accessTokens.has(presented) ? ': it is an access token, not a refresh token' : '';
      return bad(`refresh token ${maskSecret(presented)} is unknown${isAccess}`);
    }
    if (record.spent)
      return bad(
        record.spent.how === 'rotated'
          ? `refresh token ${maskSecret(presented)} was already used at virtual ${formatVirtualTime(record.spent.at, now)}; refresh tokens rotate: use the new one from that response`
          : `refresh token ${maskSecret(presented)} was revoked at virtual ${formatVirtualTime(record.spent.at, now)}`,
      );
    if (record.clientId !== client.clientId)
      return bad(`refresh token ${maskSecret(presented)} was issued to "${record.clientId}", not "${client.clientId}" (RFC 6749 §6)`);
    const scopes = requested ?? record.scopes;
    const refused = scopes.filter((s) => !record.scopes.includes(s));
    if (refused.length)
      return oauthError(
        400,
        'invalid_scope',
        'The requested scope exceeds the original grant',
        `a refresh may ask for the original scopes or fewer (${record.scopes.join(' ')}); it asked for ${refused.join(' ')}`,
      );
    // §6 + §10.4: rotation. The old refresh token dies; the new one keeps the original grant's scope.
    record.spent = { how: 'rotated', at: now };
    return issue(
      ctx,
      client.clientId,
      scopes,
      record.grantId,
      record.scopes,
      `refresh token ${maskSecret(presented)} exchanged and retired`,
      'token_refreshed',
    );
  }

  const supported = 'this server supports client_credentials and refresh_token';
  return oauthError(
    400,
    'unsupported_grant_type',
    `Unsupported grant_type ${grantType.replace(/[^\x20-\x7e]/g, '?')}`,
    `grant_type "${grantType}" is not supported: ${supported}`,
  );
}
