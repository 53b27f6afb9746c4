/**
 * Every word that names an HTTP authentication scheme, in one list for every part of the site that
 * must tell a scheme word from a credential: the mock (`Authorization: Token` is a wrong scheme,
 * not a bare token), the inspector (a scheme word alone is never masked) and the doctor (what
 * follows a scheme word is a secret; a challenge line starts with one).
 *
 * The IANA HTTP Authentication Scheme Registry, plus the words real APIs use without registering
 * them. A scheme the mock implements must be here too (tests/unit/mock-api/route-auth.test.ts).
 */
const REGISTERED = [
  'Basic',
  'Bearer',
  'Concealed',
  'Digest',
  'DPoP',
  'GNAP',
  'HOBA',
  'Mutual',
  'Negotiate',
  'OAuth',
  'PrivateToken',
  'SCRAM-SHA-1',
  'SCRAM-SHA-256',
  'vapid',
] as const;

/** Not in IANA's registry, common in APIs and tutorials (GitHub's `token`, Discord's `Bot`, NTLM). */
const UNREGISTERED = ['ApiKey', 'Api-Key', 'AWS4-HMAC-SHA256', 'Bot', 'JWT', 'NTLM', 'Token'] as const;

/** The scheme words as written in their specifications (case-insensitive on the wire, RFC 9110 §11.1). */
export const AUTH_SCHEME_WORDS: readonly string[] = [...REGISTERED, ...UNREGISTERED];

const LOWER = new Set(AUTH_SCHEME_WORDS.map((word) => word.toLowerCase()));

export function isAuthSchemeWord(word: string): boolean {
  return LOWER.has(word.toLowerCase());
}

/** A regex alternation of the words (`Basic|Bearer|…`), longest first so `SCRAM-SHA-256` wins over a prefix. */
export const AUTH_SCHEME_PATTERN = [...AUTH_SCHEME_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/[-]/g, '\\-'))
  .join('|');
