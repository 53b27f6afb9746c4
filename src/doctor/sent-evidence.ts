/**
 * Evidence from what was really sent and what Python raised: the `Authorization` a `curl -v`
 * transcript, a HAR entry or `print(r.request.headers)` shows, the redirects before the answer,
 * and the exception on a traceback's last line. This is the strongest evidence the doctor gets.
 */
import type { CauseId } from './causes';
import { headerValue } from './headers';
import type { ResponseSignal } from './classify';
import type { Evidence, ParsedResponse } from './types';

const PLACEHOLDER = /YOUR[_-]?(API[_-]?)?(TOKEN|KEY)|<\s*token\s*>|\bxxx+\b|INSERT[_-]?TOKEN|\bTOKEN_HERE\b|\bchangeme\b/i;

/** What a sent Authorization value says about the code that built it. */
export function authorizationSignals(value: string, evidence: Evidence): ResponseSignal[] {
  const out: ResponseSignal[] = [];
  const add = (cause: CauseId, weight: number) => out.push({ cause, weight, evidence: [evidence] });
  const [scheme = '', ...rest] = value.split(' ');
  const credentials = rest.join(' ');
  if (/^(Bearer|Token)\s+None$/i.test(value.trim())) add('getenv-none', 80);
  else if (/\{[A-Za-z_][\w.]*\}/.test(value)) add('token-not-fstring', 80);
  else if (PLACEHOLDER.test(value)) add('placeholder-token', 75);
  // Quotes belong in auth-param lists (Digest's username="…"); around a single token they are the value's own.
  else if ((/^["']|["']$/.test(credentials.trim()) && !/^[\w-]+=/.test(credentials.trim())) || /^["']/.test(value)) add('quoted-token', 75);
  else if (/[ \t]$/.test(value) || /^\S+[ \t]{2,}/.test(value) || /\\n|\r|\n/.test(value)) add('whitespace-token', 75);
  else if (!credentials && scheme.length > 12) add('missing-scheme', 75);
  else if (scheme.toLowerCase() === 'basic' && !isBase64Pair(credentials)) add('basic-by-hand', 80);
  return out;
}

/** Basic credentials must be base64 of `user:password` (RFC 7617). */
function isBase64Pair(credentials: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials.trim())) return false;
  try {
    return atob(credentials.trim()).includes(':');
  } catch {
    return false;
  }
}

/**
 * Client credentials sent to a token endpoint whose secret form-encoding would change
 * (RFC 6749 §2.3.1): requests does not encode them, so the server decodes another secret.
 */
function clientCredentialSignals(value: string, url: string | undefined): ResponseSignal[] {
  const [scheme = '', credentials = ''] = value.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'basic' || !/\/token\b/.test(url ?? '')) return [];
  const signal = (weight: number): ResponseSignal[] => [
    { cause: 'client-credentials-encoding', weight, evidence: [{ source: 'request', label: 'Sent Authorization', text: value }] },
  ];
  if (!isBase64Pair(credentials)) {
    // id:secret form-encoded as one string: the colon became %3A, so the server finds no id and secret.
    let decoded = '';
    try {
      decoded = atob(credentials);
    } catch {
      return [];
    }
    return /%3A/i.test(decoded) ? signal(85) : [];
  }
  const secret = atob(credentials).split(':').slice(1).join(':');
  return encodeURIComponent(secret) === secret ? [] : signal(80);
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host.toLowerCase() : '';
  } catch {
    return '';
  }
}

export function sentSignals(parsed: ParsedResponse): { signals: ResponseSignal[]; sentAuthorization: string | null | undefined } {
  const signals: ResponseSignal[] = [];
  let sentAuthorization: string | null | undefined;
  if (parsed.request?.headers.length) {
    const value = headerValue(parsed.request.headers, 'authorization');
    sentAuthorization = value ?? null;
    if (value !== undefined) {
      signals.push(...authorizationSignals(value, { source: 'request', label: 'Sent Authorization', text: value }));
      signals.push(...clientCredentialSignals(value, parsed.request.url));
    }
  }
  // Redirects: another host drops Authorization; http → https turns a POST into a GET.
  let previous = parsed.url ?? parsed.request?.url;
  for (const hop of [...parsed.history]) {
    if (!hop.location) continue;
    let next: URL;
    try {
      next = new URL(hop.location, previous);
    } catch {
      continue;
    }
    const evidence: Evidence = { source: 'response', label: `${hop.status} Location`, text: hop.location };
    if (previous && hostOf(previous) && hostOf(previous) !== next.host.toLowerCase())
      signals.push({ cause: 'redirect-strips-auth', weight: 70, evidence: [evidence] });
    else if (previous?.startsWith('http://') && next.protocol === 'https:')
      signals.push({ cause: 'http-url', weight: 65, evidence: [evidence] });
    previous = next.href;
  }
  if (parsed.history.length && !parsed.history.some((h) => h.location) && parsed.status === 401)
    signals.push({
      cause: 'redirect-strips-auth',
      weight: 45,
      evidence: [{ source: 'response', label: 'r.history', text: parsed.history.map((h) => `<Response [${h.status}]>`).join(', ') }],
    });
  return { signals, sentAuthorization };
}

const EXCEPTIONS: [RegExp, CauseId, number][] = [
  [/^InvalidHeader$/, 'whitespace-token', 85],
  [/^UnboundLocalError$/, 'unbound-local', 85],
  [/^UnicodeEncodeError$/, 'latin1-basic-password', 80],
  // A KeyError naming an upper-case variable: the environment lacks it (the same mistake as Bearer None, caught early).
  [/^KeyError$/, 'getenv-none', 75],
  [/^ProxyError$/, 'proxy-auth', 80],
  [/^(MissingSchema|InvalidURL|ConnectionError|JSONDecodeError)$/, 'not-auth', 40],
];

export function exceptionSignals(parsed: ParsedResponse): ResponseSignal[] {
  const exception = parsed.exception;
  if (!exception) return [];
  const evidence: Evidence = { source: 'exception', label: exception.type, text: exception.message };
  if (exception.type === 'TypeError' && /NoneType/.test(exception.message))
    return [{ cause: 'getenv-none', weight: 75, evidence: [evidence] }];
  if (exception.type === 'TypeError' && /unexpected keyword argument 'trust_env'/.test(exception.message))
    return [{ cause: 'netrc-precedence', weight: 75, evidence: [evidence] }];
  if (exception.type === 'TypeError' && /'str' object is not callable/.test(exception.message))
    return [{ cause: 'basic-by-hand', weight: 70, evidence: [evidence] }];
  if (exception.type === 'UnicodeEncodeError' && !/latin-1/.test(exception.message)) return [];
  if (exception.type === 'KeyError' && !/^'[A-Z][A-Z0-9_]*'$/.test(exception.message.trim())) return [];
  for (const [type, cause, weight] of EXCEPTIONS) if (type.test(exception.type)) return [{ cause, weight, evidence: [evidence] }];
  return [];
}
