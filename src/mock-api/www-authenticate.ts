/**
 * Building challenges (RFC 9110 §11.6.1): `Scheme param=value, param="quoted value"`.
 * One function owns the quoting, so no handler can emit a header a client's parser chokes on.
 */

/** A challenge parameter; `token` values are sent bare (e.g. Digest `algorithm=MD5`, `stale=true`). */
export interface ChallengeParam {
  name: string;
  value: string;
  /** Send as a bare token instead of a quoted-string. Ignored when the value is not a token. */
  token?: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** RFC 9110 §5.6.4 quoted-string: backslash-escape `"` and `\`. */
export function quoteString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `Bearer realm="api.example.com", error="invalid_token"` from a scheme and its parameters. */
export function buildChallenge(scheme: string, params: readonly ChallengeParam[] = []): string {
  if (params.length === 0) return scheme;
  const rendered = params.map(({ name, value, token }) => `${name}=${token && TOKEN.test(value) ? value : quoteString(value)}`);
  return `${scheme} ${rendered.join(', ')}`;
}

/**
 * RFC 6750 §3: error_description may hold only %x20-21 / %x23-5B / %x5D-7E (printable ASCII
 * without `"` and `\`); anything else is replaced so the header stays valid.
 */
export function sanitizeErrorDescription(text: string): string {
  return text.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, "'");
}
