/**
 * Secrets masked by default. The Inspector renders only what these functions return unless the
 * learner pressed "Reveal secrets", so a secret never reaches the DOM (not even hidden).
 * Masks keep what a learner needs to debug: the scheme word, a token's prefix and last characters,
 * spacing, and non-secrets that look like mistakes (`Bearer None`, `Bearer {token}`).
 */
import type { Exchange } from '../mock-api/contract';
import { isAuthSchemeWord } from '../mock-api/auth-scheme-words';
import { maskSecret } from '../mock-api/mask';
import { isJsonDocument, maskJsonMembers } from './json-text';

/** What a Basic credential always looks like when masked: its base64 would give the password away. */
export const MASKED_BASIC = '••••';

// Values that are bugs, not secrets: hiding them would hide the very mistake the learner made.
// Obvious non-secrets: Python or JS empties, unfilled templates, and documentation placeholders (YOUR_TOKEN).
const PLACEHOLDER =
  /^(None|null|undefined|nil|true|false|%s|\{[^{}]*\}|\$\{?\w+\}?|<[^<>]*>|(?:YOUR|MY)_[A-Z_]+|[A-Z]+_TOKEN|xxx+|\.\.\.)$/;
const KEY_HEADERS = new Set(['x-api-key', 'api-key', 'x-auth-token', 'x-access-token']);
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const FIELD_NAMES = 'access_token|refresh_token|id_token|client_secret|password|passwd|api_?key|secret|token';
const SECRET_FIELD = new RegExp(`(^|[^a-z0-9])(${FIELD_NAMES})$`, 'i');
// key=value or "key": "value" (or Python-repr quotes) in text that is not valid JSON: form bodies,
// query strings, `data=str(dict)` mistakes.
// The lead group (start, or a character that is not a letter or digit) stands for a negative lookbehind,
// which Safari before 16.4 cannot parse.
const LOOSE_FIELD = new RegExp(
  `(^|[^A-Za-z0-9])(["']?)(${FIELD_NAMES})\\2(\\s*[:=]\\s*)(?:"((?:[^"\\\\]|\\\\.)*)"|'((?:[^'\\\\]|\\\\.)*)'|([^&\\s,;}\\]]+))`,
  'gi',
);
const DIGEST_PARAM = /\b(response|nonce)(\s*=\s*)("(?:[^"\\]|\\.)*"|[^,\s]*)/gi;

/** Collects the raw secrets met while masking, so copies of them elsewhere can be masked too. */
type Found = Set<string>;

function hide(value: string, found?: Found): string {
  if (value === '' || PLACEHOLDER.test(value)) return value;
  found?.add(value);
  return maskSecret(value);
}

/** True for a header whose value is a credential (request or response side). */
export function isSecretHeader(name: string): boolean {
  const n = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(n) || KEY_HEADERS.has(n) || n === 'cookie' || n === 'set-cookie';
}

/** True for a body or query field that holds a secret (`access_token`, `client_secret`, `password` …). */
export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

function maskDigestParams(value: string, found?: Found): string {
  return value.replace(DIGEST_PARAM, (_m, name: string, eq: string, raw: string) => {
    const quoted = raw.startsWith('"');
    const masked = hide(quoted ? raw.slice(1, -1) : raw, found);
    return `${name}${eq}${quoted ? `"${masked}"` : masked}`;
  });
}

function basicPassword(encoded: string): string | null {
  try {
    const decoded = atob(encoded.trim());
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  } catch {
    return null;
  }
}

/** `Bearer tok_…3f`, `Basic ••••`, Digest with `response`/`nonce` masked; unknown shapes word by word. */
function maskCredentials(value: string, found?: Found): string {
  const match = /^(\s*)([A-Za-z][A-Za-z0-9-]{0,19})(\s+)([\s\S]*)$/.exec(value);
  if (!match) {
    const word = value.trim();
    if (isAuthSchemeWord(word)) return value;
    return value.replace(/\S+/g, (w) => hide(w, found));
  }
  const [, lead = '', scheme = '', gap = '', rest = ''] = match;
  const head = `${lead}${scheme}${gap}`;
  const kind = scheme.toLowerCase();
  if (kind === 'digest') return head + maskDigestParams(rest, found);
  if (kind === 'basic' && rest.trim() !== '') {
    found?.add(rest.trim());
    const password = basicPassword(rest);
    if (password) found?.add(password);
    return head + MASKED_BASIC;
  }
  // Word by word keeps the spacing visible: a token sent twice is a mistake worth seeing.
  return head + rest.replace(/\S+/g, (w) => hide(w, found));
}

/** The value to display for a header, masked when it carries a credential. */
export function maskHeaderValue(name: string, value: string, found?: Found): string {
  const n = name.toLowerCase();
  if (CREDENTIAL_HEADERS.has(n)) return maskCredentials(value, found);
  if (n === 'www-authenticate' || n === 'proxy-authenticate') return maskDigestParams(value, found);
  if (KEY_HEADERS.has(n)) return value.replace(/\S+/g, (w) => hide(w, found));
  if (n === 'cookie') return value.replace(/=([^;]*)/g, (_m, v: string) => `=${hide(v, found)}`);
  if (n === 'set-cookie') return value.replace(/^([^=;]*=)([^;]*)/, (_m, k: string, v: string) => k + hide(v, found));
  return value;
}

/** Masks secret fields in a body (JSON, form or loose text) or a query string. */
export function maskText(text: string, found?: Found): string {
  if (text === '') return text;
  if (isJsonDocument(text))
    return maskJsonMembers(text, (key, value) => {
      if (isSecretHeader(key)) return maskHeaderValue(key, value, found);
      return isSecretField(key) ? hide(value, found) : null;
    });
  return text.replace(LOOSE_FIELD, (_m, lead: string, q: string, key: string, sep: string, dq?: string, sq?: string, bare?: string) => {
    const value = dq !== undefined ? `"${hide(dq, found)}"` : sq !== undefined ? `'${hide(sq, found)}'` : hide(bare ?? '', found);
    return `${lead}${q}${key}${q}${sep}${value}`;
  });
}

function maskUrl(url: string, found?: Found): string {
  const userinfo = url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]*)@/i,
    (_m, head: string, pw: string) => `${head}${hide(pw, found)}@`,
  );
  const q = userinfo.indexOf('?');
  return q < 0 ? userinfo : userinfo.slice(0, q + 1) + maskText(userinfo.slice(q + 1), found);
}

/** Replaces every remaining copy of a known secret (echoed in a body, in a URL path …). */
function scrubber(found: Found): (text: string) => string {
  // Short values would mask ordinary words; 4 characters is below any real password policy anyway.
  const secrets = [...found].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((acc, secret) => acc.split(secret).join(maskSecret(secret)), text);
}

/** The exchange as the Inspector shows it by default: no secret left anywhere in it. */
export function maskExchange(exchange: Exchange): Exchange {
  const found: Found = new Set();
  const headers = (list: [string, string][]): [string, string][] => list.map(([n, v]) => [n, maskHeaderValue(n, v, found)]);
  const requestHeaders = headers(exchange.requestHeaders);
  const responseHeaders = headers(exchange.responseHeaders);
  const requestBody = maskText(exchange.requestBody, found);
  const responseBody = maskText(exchange.responseBody, found);
  const url = maskUrl(exchange.url, found);
  const scrub = scrubber(found);
  const rescrub = (list: [string, string][]): [string, string][] => list.map(([n, v]) => [n, scrub(v)]);
  return {
    ...exchange,
    url: scrub(url),
    requestHeaders: rescrub(requestHeaders),
    requestBody: scrub(requestBody),
    responseHeaders: rescrub(responseHeaders),
    responseBody: scrub(responseBody),
    // The raw bytes repeat the headers and bodies masked above: every secret found there is scrubbed.
    ...(exchange.rawRequest !== undefined && { rawRequest: scrub(exchange.rawRequest) }),
    ...(exchange.rawResponse !== undefined && { rawResponse: scrub(exchange.rawResponse) }),
    decision: { ...exchange.decision, reason: scrub(exchange.decision.reason) },
  };
}

/** The exchange to render: the raw one only when the learner chose to reveal secrets. */
export function viewOf(exchange: Exchange, reveal: boolean): Exchange {
  return reveal ? exchange : maskExchange(exchange);
}
