/**
 * Finds secrets in text the doctor displays, so they are masked until the learner presses
 * Reveal: credentials after an auth scheme, well-known token prefixes, JWTs, passwords in URLs and
 * key=value pairs. Masked form keeps the first 4 and last 2 characters: `tok_…3f`.
 */
import { AUTH_SCHEME_PATTERN } from '../mock-api/auth-scheme-words';

export interface SecretSpan {
  start: number;
  end: number;
}

const PATTERNS: RegExp[] = [
  // Credentials after a scheme word: token68 characters only, so `realm="…"` or `{token}` never match.
  new RegExp(`\\b(?:${AUTH_SCHEME_PATTERN})[ \\t]+([A-Za-z0-9._~+/-]{6,}=*)`, 'gi'),
  /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{10,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /\b((?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}|sk-(?:proj-)?[A-Za-z0-9_-]{16,})/g,
  /\b(xox[abpre]-[A-Za-z0-9-]{10,})/g,
  /\b((?:AKIA|ASIA)[A-Z0-9]{16})\b/g,
  /\b(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g,
  /\b(ya29\.[A-Za-z0-9_-]{16,})/g,
  /\b(ATATT[A-Za-z0-9_=-]{10,})/g,
  /\b(tok_[A-Za-z0-9_]{6,}|rt_[A-Za-z0-9_]{6,})/g,
  // A quoted value next to a secret-sounding key (code, JSON): password = 's3cret', "client_secret": "…".
  /(?:password|passwd|secret|api_?key|access_token|refresh_token|token)["']?\s*[:=]\s*["']([^"'\s]{6,})["']/gi,
  // Form or query style, no spaces: client_secret=abc123&…
  /(?:password|secret|api_?key|access_token|refresh_token)=([^\s&"',}]{6,})/gi,
  /\/\/[^/\s:@]+:([^/\s@]{3,})@/g,
];

/** A scheme word followed by an auth-param name (`Bearer realm="x"`), not by credentials. */
const isParamName = (text: string, end: number) => text[end - 1] === '=' && /^["A-Za-z]/.test(text.slice(end));

/** Character ranges of every secret found in `text`, merged and sorted. */
export function findSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const secret = match[1];
      if (!secret || /^(None|null|YOUR_(API_)?(TOKEN|KEY))$/i.test(secret)) continue;
      const start = match.index + match[0].lastIndexOf(secret);
      if (isParamName(text, start + secret.length)) continue;
      spans.push({ start, end: start + secret.length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: SecretSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function maskSecret(secret: string): string {
  return secret.length <= 8 ? '•'.repeat(secret.length) : `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

/** `text` with every secret masked. */
export function maskText(text: string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of findSecrets(text)) {
    out += text.slice(at, start) + maskSecret(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}
