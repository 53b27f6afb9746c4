/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3). With Basic, the id
 * and secret are form-urlencoded before base64 (§2.3.1), so the server decodes them; requests'
 * auth=(id, secret) does not encode, so a secret with `+` or `%` fails, as with real servers.
 */
import type { DecisionCode } from '../decision-codes';
import { parseAuthorization } from '../auth-header';
import { decodeBase64, decodeLatin1, decodeUtf8Strict } from '../codec';
import type { RequestContext } from '../context';
import { MASKED_PASSWORD } from '../mask';
import type { Reply } from '../reply';
import type { ServerState } from '../server-state';
import { buildChallenge } from '../www-authenticate';
import { oauthError } from './oauth-reply';

type Client = ServerState['clients'][number];

export type ClientAuth = { ok: true; client: Client; via: 'Basic header' | 'body' } | { ok: false; reply: Reply };

/** application/x-www-form-urlencoded decoding of one value (WHATWG URL: lenient on bad `%`). */
export function formDecode(value: string): string {
  return new URLSearchParams(`v=${value.replace(/[&=#]/g, encodeURIComponent)}`).get('v') ?? '';
}

/** Authenticates the client by Basic header or by client_id/client_secret in the form, not both. */
export function authenticateClient(ctx: RequestContext, form: URLSearchParams): ClientAuth {
  const clients = ctx.state.config.clients;
  const challenge: [string, string][] = [['www-authenticate', buildChallenge('Basic', [{ name: 'realm', value: ctx.state.config.realm }])]];
  // §5.2: a client that tried the Authorization header and failed MUST get 401 with a challenge.
  const headerFail = (reason: string, code?: DecisionCode): ClientAuth => ({
    ok: false,
    reply: oauthError(401, 'invalid_client', 'Client authentication failed', reason, challenge, code),
  });
  // §5.2: otherwise 400 is the default status for errors; this mock keeps 400 for body credentials.
  const bodyFail = (reason: string): ClientAuth => ({
    ok: false,
    reply: oauthError(400, 'invalid_client', 'Client authentication failed', reason),
  });
  const header = parseAuthorization(ctx.headers.get('authorization'));

  if (header) {
    if (form.has('client_secret'))
      return {
        ok: false,
        reply: oauthError(
          400,
          'invalid_request',
          'Use only one client authentication method',
          'the client sent credentials both in a Basic header and as client_secret in the body (RFC 6749 §2.3 allows one method)',
        ),
      };
    if (header.schemeLower !== 'basic')
      return headerFail(
        `scheme \`${header.scheme || '(none)'}\` cannot authenticate a client here: use Basic (auth=(client_id, client_secret)) or client_id/client_secret in the form`,
      );
    const bytes = decodeBase64(header.rest.trim());
    const text = bytes ? (decodeUtf8Strict(bytes) ?? decodeLatin1(bytes)) : null;
    const colon = text?.indexOf(':') ?? -1;
    if (text === null || colon < 0) return headerFail('the Basic credentials are not base64 of "client_id:client_secret"');
    const rawId = text.slice(0, colon);
    const rawSecret = text.slice(colon + 1);
    const id = formDecode(rawId);
    const secret = formDecode(rawSecret);
    const client = clients.find((c) => c.clientId === id) ?? clients.find((c) => c.clientId === rawId);
    if (!client) return headerFail(`there is no client "${id}"`);
    if (client.clientId === id && client.clientSecret === secret) return { ok: true, client, via: 'Basic header' };
    // The raw (undecoded) pair matches: the client skipped §2.3.1's encoding, as requests does.
    if (client.clientId === rawId && client.clientSecret === rawSecret)
      return headerFail(
        `the client secret contains characters that form-urlencoding changes (+ % : and others); RFC 6749 §2.3.1 says to form-urlencode id and secret before Basic, requests' auth=(id, secret) does not, so the server decoded ${MASKED_PASSWORD} into a different secret. Send auth=(quote_plus(id), quote_plus(secret)) or put them in the form`,
        'client_secret_not_urlencoded',
      );
    return headerFail(`wrong client secret ${MASKED_PASSWORD} for client "${client.clientId}"`);
  }

  const id = form.get('client_id');
  if (id === null)
    return headerFail(
      'no client authentication: send a Basic header (auth=(client_id, client_secret)) or client_id and client_secret in the form',
    );
  const client = clients.find((c) => c.clientId === id);
  if (!client) return bodyFail(`there is no client "${id}"`);
  const secret = form.get('client_secret');
  if (secret === null) return bodyFail(`client_id "${id}" came without client_secret`);
  if (secret !== client.clientSecret) return bodyFail(`wrong client secret ${MASKED_PASSWORD} for client "${client.clientId}"`);
  return { ok: true, client, via: 'body' };
}
