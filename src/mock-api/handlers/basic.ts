/**
 * Basic routes (RFC 7617). The challenge announces `charset="UTF-8"` (§2.1), so credentials are
 * compared as UTF-8 bytes; requests encodes str credentials as Latin-1, so a non-ASCII password
 * fails here exactly as it does against a real UTF-8 server.
 */
import type { RouteAuthenticator } from '../route-authenticator';
import type { DecisionCode } from '../decision-codes';
import type { RequestContext } from '../context';
import { MASKED_PASSWORD } from '../mask';
import { decide, jsonReply, type Reply } from '../reply';
import { buildChallenge } from '../www-authenticate';
import { readBasicCredentials } from './basic-credentials';
import type { AuthOutcome } from './bearer';

/** The authenticated user of a Basic or Digest route. */
export interface UserPrincipal {
  username: string;
}

/** 401 with `WWW-Authenticate: Basic realm="…", charset="UTF-8"`. */
export function basicChallengeReply(ctx: RequestContext, code: DecisionCode, reason: string): Reply {
  const challenge = buildChallenge('Basic', [
    { name: 'realm', value: ctx.state.config.realm },
    { name: 'charset', value: 'UTF-8' },
  ]);
  return jsonReply(401, { message: 'Authentication required' }, decide(code, reason), [['www-authenticate', challenge]]);
}

/** Checks Basic credentials against the scenario's users. */
export function checkBasic(ctx: RequestContext): AuthOutcome<UserPrincipal> {
  const deny = (code: DecisionCode, reason: string): AuthOutcome<never> => ({ ok: false, reply: basicChallengeReply(ctx, code, reason) });
  const read = readBasicCredentials(ctx.headers.get('authorization'));
  const users = ctx.state.config.users;
  switch (read.kind) {
    case 'none':
      return deny('no_credentials', 'the request has no Authorization header: pass auth=(user, password)');
    case 'other-scheme':
      return deny('wrong_scheme', `scheme \`${read.scheme}\` is not accepted here; this route expects \`Basic\` (auth=(user, password))`);
    case 'malformed':
      return deny('malformed_credentials', read.why);
    case 'latin1': {
      const user = users.find((u) => u.username === read.username);
      const wouldMatch = user?.password === read.password ? ` (read as Latin-1 it is the right password for ${read.username})` : '';
      return deny(
        'latin1_credentials',
        `the credentials arrived Latin-1-encoded (requests encodes a str password as Latin-1), but this server expects UTF-8 (charset="UTF-8") and compares bytes, so they do not match${wouldMatch}; send UTF-8 bytes: auth=(user.encode(), password.encode())`,
      );
    }
    case 'ok': {
      const user = users.find((u) => u.username === read.username);
      if (!user) return deny('unknown_user', `there is no user "${read.username}"`);
      if (user.password !== read.password) {
        const hint = user.password === read.password.trim() ? ': it has extra whitespace around it (read from a file?)' : '';
        return deny('wrong_password', `wrong password ${MASKED_PASSWORD} for user "${user.username}"${hint}`);
      }
      return {
        ok: true,
        principal: { username: user.username },
        decision: decide('ok', `user "${user.username}" authenticated with Basic`),
      };
    }
  }
}

export const basicRouteAuth: RouteAuthenticator = {
  scheme: 'Basic',
  authenticate(ctx) {
    const r = checkBasic(ctx);
    return r.ok ? { ok: true, identity: { user: r.principal.username }, decision: r.decision } : r;
  },
};
