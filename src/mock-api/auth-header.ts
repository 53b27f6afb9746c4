/**
 * Reading the `Authorization` header (RFC 9110 §11.4): `scheme [ token68 / #auth-param ]`.
 * The scheme word is case-insensitive (RFC 9110 §11.1); what follows is left to each scheme.
 */

export interface Credentials {
  /** The scheme word as sent (case preserved, for the server's view). */
  scheme: string;
  /** Lower-cased scheme for comparisons. */
  schemeLower: string;
  /** Everything after the scheme and its separating spaces (may be empty). */
  rest: string;
}

const SCHEME = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)(?:[ \t]+([\s\S]*))?$/;

/** Splits `Authorization`; null when it is absent or empty. A value with no valid scheme word yields scheme "". */
export function parseAuthorization(value: string | null): Credentials | null {
  if (value === null || value.trim() === '') return null;
  const match = SCHEME.exec(value.trim());
  if (!match) return { scheme: '', schemeLower: '', rest: value.trim() };
  const scheme = match[1] ?? '';
  return { scheme, schemeLower: scheme.toLowerCase(), rest: match[2] ?? '' };
}

/**
 * Parses `name=value, name="quoted"` auth-params (RFC 9110 §11.2), as Digest credentials use.
 * Names are lower-cased; returns null when the list is malformed or a name repeats.
 */
export function parseAuthParams(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  const pattern = /\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*=\s*(?:"((?:[^"\\]|\\[\s\S])*)"|([!#$%&'*+\-.^_`|~0-9A-Za-z/]+))\s*(,|$)/y;
  let position = 0;
  while (position < text.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return text.slice(position).trim() === '' ? params : null;
    const name = (match[1] ?? '').toLowerCase();
    if (params.has(name)) return null;
    params.set(name, match[2] !== undefined ? match[2].replace(/\\([\s\S])/g, '$1') : (match[3] ?? ''));
    position = pattern.lastIndex;
    if (match[4] === '') break;
  }
  return params;
}
