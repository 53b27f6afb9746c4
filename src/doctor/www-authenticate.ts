/**
 * WWW-Authenticate / Proxy-Authenticate parsing as RFC 9110 §11.6.1 defines it:
 *
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 *   token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * One field may hold several challenges separated by commas, and so may several fields (joined
 * with ", " as §5.3 allows), so a comma is a challenge boundary only when what follows is not an
 * auth-param. Parameter names are case-insensitive (lower-cased here); scheme names too (§11.1).
 */
export interface Challenge {
  /** The scheme as sent (compare with `schemeLower`). */
  scheme: string;
  schemeLower: string;
  token68?: string;
  params: Record<string, string>;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const AUTH_PARAM = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*(${QUOTED}|${TOKEN})`);
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/;
const SCHEME = new RegExp(`^${TOKEN}`);

const unquote = (value: string) => (value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);

/** Parses every challenge in one or more WWW-Authenticate values. Malformed parts are skipped, never thrown. */
export function parseChallenges(values: string | string[]): Challenge[] {
  const text = (Array.isArray(values) ? values : [values]).join(', ');
  const challenges: Challenge[] = [];
  let rest = text;
  const skip = (re: RegExp) => (rest = rest.replace(re, ''));
  while (rest.length) {
    skip(/^[ \t,]+/);
    const scheme = SCHEME.exec(rest)?.[0];
    if (!scheme) {
      // Not a token: drop one character and look again (a stray quote, a bracket).
      rest = rest.slice(1);
      continue;
    }
    rest = rest.slice(scheme.length);
    const challenge: Challenge = { scheme, schemeLower: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    if (!/^[ \t]+/.test(rest)) continue; // a bare scheme, then "," or the end
    skip(/^[ \t]+/);
    const param = AUTH_PARAM.exec(rest);
    const t68 = param ? null : TOKEN68.exec(rest);
    if (t68) {
      challenge.token68 = t68[0];
      rest = rest.slice(t68[0].length);
      continue;
    }
    // #auth-param: keep taking params while what follows a comma is another auth-param.
    let next = param;
    while (next) {
      challenge.params[next[1].toLowerCase()] = unquote(next[2]);
      rest = rest.slice(next[0].length);
      const afterComma = /^[ \t]*,[ \t,]*/.exec(rest);
      if (!afterComma) break;
      const candidate = AUTH_PARAM.exec(rest.slice(afterComma[0].length));
      if (!candidate) break;
      rest = rest.slice(afterComma[0].length);
      next = candidate;
    }
  }
  return challenges;
}

/** RFC 6750 §3.1 error codes and the status each one goes with. */
export const BEARER_ERRORS = {
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
} as const;

export type BearerError = keyof typeof BEARER_ERRORS;

export function isBearerError(code: string | undefined): code is BearerError {
  return code !== undefined && code in BEARER_ERRORS;
}
