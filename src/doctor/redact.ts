/**
 * What a share link of a diagnosis may carry: the pasted code and response with every secret the
 * doctor recognises replaced by a visible placeholder, and a list of what it could not be sure of.
 * Scheme words stay (`Bearer <redacted>`), so the shared diagnosis reads the same code the same way.
 */
import { isAuthSchemeWord } from '../mock-api/auth-scheme-words';

export const PLACEHOLDER = '<redacted>';

export interface Redaction {
  text: string;
  /** What was replaced, in plain words ("an Authorization value", "a GitHub token"). */
  dropped: string[];
  /** Strings that may be secrets but match no known shape, shown cut to their first characters. */
  unsure: string[];
}

/** Token characters (RFC 6750's b64token plus what keys use); a placeholder is never matched again. */
const TOKEN = String.raw`[A-Za-z0-9._~+/=:-]+`;

/** Known key shapes, each from its vendor's documented prefix. */
const KEY_SHAPES: [RegExp, string][] = [
  [/\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/g, 'a Stripe key'],
  [/\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}/g, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{8,}/g, 'a Slack token'],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}/g, 'an OpenAI-style secret key'],
  [/\bAKIA[0-9A-Z]{16}\b/g, 'an AWS access key id'],
  [/\bAIza[0-9A-Za-z_-]{35}/g, 'a Google API key'],
  [/\bATATT[A-Za-z0-9_=-]{10,}/g, 'an Atlassian API token'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, 'a JWT'],
  [/\b(?:tok|rt)_[a-z]+_[A-Za-z0-9]{8,}/g, 'a practice API token'],
];

/** Header names whose whole value is a credential. */
const SECRET_HEADERS = String.raw`(?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token`;

/** Names that hold a secret when a literal is assigned to them (`password = '…'`, `'token': '…'`, `token=…`). */
const SECRET_NAMES = String.raw`[A-Za-z_]*(?:password|passwd|secret|token|api_?key|apikey|access_?key|private_?key)[A-Za-z_]*`;

export function redact(input: string): Redaction {
  const dropped: string[] = [];
  let text = input;
  const replace = (pattern: RegExp, label: string, rewrite: (...groups: string[]) => string) => {
    text = text.replace(pattern, (...match: string[]) => {
      const next = rewrite(...match);
      if (next !== match[0]) dropped.push(label);
      return next;
    });
  };

  // Known key shapes anywhere.
  for (const [shape, label] of KEY_SHAPES) replace(shape, label, () => PLACEHOLDER);
  // Credentials after a scheme word, wherever they appear: headers, curl lines, reprs, HAR, code.
  replace(
    new RegExp(String.raw`\b(Bearer|Basic|Token|Bot)([ \t]+)(${TOKEN})`, 'g'),
    'a credential after a scheme word',
    (m, scheme, gap, value) => (looksSecret(value) ? `${scheme}${gap}${PLACEHOLDER}` : m),
  );
  // Whole values of credential headers: `Name: value` lines, `'Name': 'value'` reprs and dicts, HAR's name/value pairs.
  replace(
    new RegExp(String.raw`^([<> ]*(?:${SECRET_HEADERS})[ \t]*:)(.*)$`, 'gim'),
    'a credential header value',
    (_m, head, value) => head + scrub(value),
  );
  replace(
    new RegExp(String.raw`(['"](?:${SECRET_HEADERS})['"]\s*:\s*)(['"])((?:(?!\2).)*)\2`, 'gi'),
    'a credential header value',
    (_m, head, quote, value) => `${head}${quote}${scrub(value)}${quote}`,
  );
  replace(
    new RegExp(String.raw`("name"\s*:\s*"(?:${SECRET_HEADERS})"\s*,\s*"value"\s*:\s*")((?:[^"\\]|\\.)*)"`, 'gi'),
    'a credential header value',
    (_m, head, value) => `${head}${scrub(value)}"`,
  );
  // Literals given to secret-looking names in code, and secrets in URLs.
  replace(
    new RegExp(String.raw`(\b${SECRET_NAMES}['"]?\s*[=:]\s*[rb]?)(['"])((?:(?!\2).)+)\2`, 'gi'),
    'a literal given to a secret-looking name',
    (m, head, quote, value) => (isReference(value) ? m : `${head}${quote}${PLACEHOLDER}${quote}`),
  );
  replace(/(\bauth\s*=\s*\(\s*(['"])[^'"]*\2\s*,\s*[rb]?)(['"])((?:(?!\3).)+)\3/g, 'a Basic password', (m, head, _q, quote, value) =>
    isReference(value) ? m : `${head}${quote}${PLACEHOLDER}${quote}`,
  );
  replace(
    /([?&](?:access_token|token|api_?key|key|password|secret|client_secret|sig|signature)=)([^&\s'"#]+)/gi,
    'a secret in a URL',
    (m, head, value) => (isReference(value) ? m : `${head}${PLACEHOLDER}`),
  );
  replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:)([^\s/@'"]+)@/gi, 'a password in a URL', (m, head, value) =>
    isReference(value) ? m : `${head}${PLACEHOLDER}@`,
  );

  return { text, dropped, unsure: unsureStrings(text) };
}

/** A value that could be a credential: not None, a placeholder or a `{name}` left in by a missing f. */
function looksSecret(value: string): boolean {
  if (isReference(value) || /^(None|null|undefined)$/.test(value) || /YOUR|xxx|changeme/i.test(value)) return false;
  return /\d/.test(value) || value.length >= 12;
}

/**
 * A header value with every credential-looking run replaced, keeping the scheme word, quotes,
 * spaces and escapes around it: they are the evidence (a quoted token, a trailing newline).
 */
function scrub(value: string): string {
  return value.replace(new RegExp(TOKEN, 'g'), (run, offset: number) =>
    (offset === value.search(/\S/) && isAuthSchemeWord(run)) || !looksSecret(run) ? run : PLACEHOLDER,
  );
}

/** `{token}`, an environment variable's name or a placeholder: where a secret comes from, not the secret. */
function isReference(value: string): boolean {
  return value.includes(PLACEHOLDER) || /^\{[^}]*\}$/.test(value.trim()) || /^[A-Z][A-Z0-9_]*$/.test(value);
}

/** Long strings of letters and digits that no rule recognised: they may be keys. */
function unsureStrings(text: string): string[] {
  const seen = new Set<string>();
  for (const [candidate] of text.matchAll(/[A-Za-z0-9_+=-]{24,}/g))
    if (/\d/.test(candidate) && /[A-Za-z]/.test(candidate)) seen.add(`${candidate.slice(0, 4)}… (${candidate.length} characters)`);
  return [...seen];
}
