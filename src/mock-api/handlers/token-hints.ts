/**
 * Explaining an unknown token: real servers just say "invalid_token"; the server's view can say
 * why it is probably wrong (a typo, a refresh token, a key, an empty variable).
 */
import { maskSecret } from '../mask';
import { closestMatch } from '../similar';
import type { RuntimeState } from '../state';

/** A plain-words reason for a token this server never issued. */
export function describeUnknownToken(state: RuntimeState, token: string): string {
  if (['None', 'null', 'undefined', 'nil'].includes(token))
    return `the token is the text \`${token}\`: the variable that should hold it was empty (e.g. os.environ.get returned None)`;
  if (/^(your|my|the)[_-]?(access[_-]?)?(token|key)$|^(token|access_token|api_key|x{3,}|\.{3})$/i.test(token))
    return `\`${token}\` is a placeholder from the documentation, not a token: put your real token there`;
  if (state.refreshTokens.has(token))
    return `${maskSecret(token)} is a refresh token, not an access token: exchange it at /oauth/token (grant_type=refresh_token)`;
  if (state.config.apiKeys.some((k) => k.key === token))
    return `${maskSecret(token)} is an API key: send it in the X-API-Key header, not as a Bearer token`;
  if (state.config.clients.some((c) => c.clientSecret === token))
    return 'that is a client secret, not an access token: exchange the client credentials at /oauth/token first';
  const near = closestMatch(token, state.accessTokens.keys());
  if (near) {
    const chars = near.distance === 1 ? '1 character' : `${near.distance} characters`;
    return `token ${maskSecret(token)} is unknown; it looks like a typo of ${maskSecret(near.match)} (${chars} differ${near.distance === 1 ? 's' : ''})`;
  }
  return `token ${maskSecret(token)} was never issued by this server`;
}
