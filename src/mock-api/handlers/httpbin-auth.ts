/**
 * httpbin's auth endpoints, with its quirks kept (they are what learners meet on the real one):
 * /bearer accepts any token but wants the exact prefix `Bearer `; /hidden-basic-auth answers 404;
 * /digest-auth checks the response hash only (any nonce, the client's own realm and username).
 */
import type { DecisionCode } from '../decision-codes';
import { parseAuthParams, parseAuthorization } from '../auth-header';
import { requestTarget, type RequestContext } from '../context';
import { digestResponse } from '../digest-core';
import { MASKED_PASSWORD, maskSecret } from '../mask';
import { decide, type Reply } from '../reply';
import { buildChallenge } from '../www-authenticate';
import { readBasicCredentials } from './basic-credentials';
import { httpbinJson, httpbinText } from './httpbin-format';

/** `GET /bearer` (httpbin core.py bearer_auth). */
export function httpbinBearer(ctx: RequestContext): Reply {
  const header = ctx.headers.get('authorization');
  if (header === null || !header.startsWith('Bearer ')) {
    const why =
      header === null
        ? 'no Authorization header'
        : /^bearer /i.test(header)
          ? 'httpbin wants the exact prefix `Bearer ` (case-sensitive; RFC 9110 §11.1 says scheme names are not, and real APIs accept any case)'
          : `scheme \`${parseAuthorization(header)?.scheme || '(none)'}\` instead of \`Bearer\``;
    return httpbinText(ctx.headers, 401, '', decide(header === null ? 'no_credentials' : 'wrong_scheme', why), [
      ['www-authenticate', 'Bearer'],
    ]);
  }
  const token = header.slice('Bearer '.length);
  return httpbinJson(
    ctx.headers,
    200,
    { authenticated: true, token },
    decide('ok', `httpbin accepts any token without checking it (got ${maskSecret(token)}); a real API verifies it`),
  );
}

/** `GET /basic-auth/{user}/{passwd}` and the hidden variant (404 instead of 401 on failure). */
export function httpbinBasic(ctx: RequestContext, user: string, passwd: string, hidden: boolean): Reply {
  const read = readBasicCredentials(ctx.headers.get('authorization'));
  if (read.kind === 'ok' && read.username === user && read.password === passwd)
    return httpbinJson(ctx.headers, 200, { authenticated: true, user }, decide('ok', `user "${user}" authenticated with Basic`));
  const reason =
    read.kind === 'none'
      ? 'no Authorization header: pass auth=(user, password)'
      : read.kind === 'other-scheme'
        ? `scheme \`${read.scheme}\` instead of \`Basic\``
        : read.kind === 'malformed'
          ? read.why
          : read.kind === 'latin1'
            ? 'the credentials are not UTF-8 (requests sends a str password as Latin-1); httpbin (Werkzeug) then sees no credentials at all'
            : read.username !== user
              ? `user "${read.username}" is not the "${user}" in the URL`
              : `wrong password ${MASKED_PASSWORD} for "${user}" (the URL's password is the expected one)`;
  const code = read.kind === 'none' ? 'no_credentials' : read.kind === 'other-scheme' ? 'wrong_scheme' : 'wrong_credentials';
  if (hidden) return httpbinText(ctx.headers, 404, '', decide(code, `${reason}; /hidden-basic-auth answers 404 instead of 401 on purpose`));
  return httpbinText(ctx.headers, 401, '', decide(code, reason), [['www-authenticate', 'Basic realm="Fake Realm"']]);
}

/** httpbin's H(): SHA-256 and SHA-512 by name, anything else MD5 (so no -sess support). */
const httpbinAlgorithm = (name: string | undefined): string => (name === 'SHA-256' || name === 'SHA-512' ? name : 'MD5');

function digestChallenge(ctx: RequestContext, qop: string | null, algorithm: string, code: DecisionCode, reason: string): Reply {
  // Werkzeug's WWWAuthenticate always quotes realm, nonce, qop and opaque; algorithm and stale are tokens.
  const challenge = buildChallenge('Digest', [
    { name: 'realm', value: 'me@kennethreitz.com' },
    { name: 'nonce', value: ctx.state.newSecret('') },
    { name: 'qop', value: qop ?? 'auth, auth-int' },
    { name: 'opaque', value: ctx.state.newSecret('') },
    { name: 'algorithm', value: algorithm, token: true },
    { name: 'stale', value: 'FALSE', token: true },
  ]);
  return httpbinText(ctx.headers, 401, '', decide(code, reason), [['www-authenticate', challenge]]);
}

/** `GET /digest-auth/{qop}/{user}/{passwd}[/{algorithm}[/{stale_after}]]`. */
export function httpbinDigest(
  ctx: RequestContext,
  qopPath: string,
  user: string,
  passwd: string,
  algorithmPath: string | undefined,
): Reply {
  const algorithm = ['MD5', 'SHA-256', 'SHA-512'].includes(algorithmPath ?? '') ? (algorithmPath as string) : 'MD5';
  const qop = qopPath === 'auth' || qopPath === 'auth-int' ? qopPath : null;
  const credentials = parseAuthorization(ctx.headers.get('authorization'));
  const params = credentials?.schemeLower === 'digest' ? parseAuthParams(credentials.rest) : null;
  const complete =
    params &&
    ['username', 'realm', 'nonce', 'uri', 'response'].every((k) => params.has(k)) &&
    (!params.has('qop') || (params.has('nc') && params.has('cnonce')));
  if (!params || !complete) {
    const why = !credentials
      ? 'no Authorization header yet: this is the challenge'
      : credentials.schemeLower !== 'digest'
        ? `scheme \`${credentials.scheme}\` instead of \`Digest\``
        : 'the Digest credentials are incomplete';
    return digestChallenge(ctx, qop, algorithm, credentials ? 'malformed_credentials' : 'no_credentials', why);
  }
  const get = (k: string): string => params.get(k) ?? '';
  const clientQop = params.get('qop');
  const expected = digestResponse({
    algorithm: httpbinAlgorithm(params.get('algorithm')),
    username: get('username'),
    realm: get('realm'),
    password: passwd,
    method: ctx.method,
    uri: requestTarget(ctx),
    nonce: get('nonce'),
    ...(clientQop === 'auth' || clientQop === 'auth-int' ? { qop: clientQop, nc: get('nc'), cnonce: get('cnonce') } : {}),
    body: ctx.body,
  });
  if (get('response') !== expected)
    return digestChallenge(
      ctx,
      qop,
      algorithm,
      'wrong_credentials',
      `the response hash does not match password ${MASKED_PASSWORD} from the URL`,
    );
  return httpbinJson(
    ctx.headers,
    200,
    { authenticated: true, user },
    decide(
      'ok',
      `Digest response is right for user "${get('username')}" (httpbin does not check the user name against the URL's "${user}")`,
    ),
  );
}
