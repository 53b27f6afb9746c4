/**
 * What a Python script printed: `r.status_code`, `r.reason`, `r.headers`, `r.text` / `r.json()`,
 * `r.request.headers`, `r.history`, and tracebacks such as
 * `requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://…`.
 */
import { AUTH_SCHEME_PATTERN } from '../mock-api/auth-scheme-words';
import { parsePyLiteral, type Py } from './py-literal';
import type { HeaderField, ParsedResponse } from './types';

const HTTP_ERROR = /HTTPError: (\d{3}) (?:Client|Server) Error: (.*?) for url: (\S+)/;
const RESPONSE_REPR = /<Response \[(\d{3})\]>/g;
const EXCEPTION_LINE = /^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Header|Exit|Schema|URL|Redirects|Timeout)):\s?(.*)$/;
const CHALLENGE = new RegExp(`^(${AUTH_SCHEME_PATTERN})(\\s+[A-Za-z_-]+=|\\s*$)`);
/** Keys that only a request's headers carry (requests' defaults and what learners set). */
const REQUEST_ONLY = ['authorization', 'user-agent', 'accept-encoding'];
const RESPONSE_ONLY = ['www-authenticate', 'date', 'server', 'content-length', 'set-cookie'];

function asHeaders(value: Py): HeaderField[] | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.length || !entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) return null;
  if (!entries.some(([k]) => /^[A-Za-z][A-Za-z0-9-]*$/.test(k) && /[A-Z]|-/.test(k))) return null;
  return entries.map(([k, v]) => [k, String(v as string | number)]);
}

const has = (headers: HeaderField[], names: string[]) => headers.some(([n]) => names.includes(n.toLowerCase()));

export function looksLikePython(text: string): boolean {
  return /Traceback \(most recent call last\)|<Response \[\d{3}\]>|HTTPError: \d{3}|^\s*\{'|^\d{3}(\s|$)|Error: /m.test(text);
}

export function parsePythonOutput(text: string): ParsedResponse {
  const result: ParsedResponse = { format: 'python', headers: [], body: '', history: [] };
  const bodyLines: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const line = raw.trim();
    if (!line) continue;
    const httpError = HTTP_ERROR.exec(line);
    if (httpError) {
      result.status = Number(httpError[1]);
      result.reason = httpError[2];
      result.url = httpError[3];
    }
    const exception = EXCEPTION_LINE.exec(line);
    if (exception && !raw.startsWith(' ')) result.exception = { type: exception[1].split('.').pop()!, message: exception[2] };
    if (exception || httpError || /^Traceback|^File "|^\^+$|^During handling|^The above exception/.test(line) || raw.startsWith('  '))
      continue;
    if (/^\d{3}$/.test(line)) {
      result.status ??= Number(line);
      continue;
    }
    // print(r.status_code, r.text) or print(r.status_code, r.headers['WWW-Authenticate']) on one line.
    const statusFirst = /^(\d{3}) (.+)$/.exec(line);
    if (statusFirst && result.status === undefined) {
      result.status = Number(statusFirst[1]);
      lines.splice(index + 1, 0, statusFirst[2]);
      continue;
    }
    if (CHALLENGE.test(line) && !result.headers.length) {
      result.headers = [['WWW-Authenticate', line]]; // print(r.headers['WWW-Authenticate'])
      continue;
    }
    const reprs = [...line.matchAll(RESPONSE_REPR)].map((m) => Number(m[1]));
    if (reprs.length && line.startsWith('[')) {
      result.history = reprs.filter((s) => s >= 300 && s < 400).map((status) => ({ status }));
      continue;
    }
    if (reprs.length === 1 && line === `<Response [${reprs[0]}]>`) {
      result.status ??= reprs[0];
      continue;
    }
    const literal = line.startsWith('{') || line.startsWith('[') ? parsePyLiteral(line) : null;
    const headers = literal ? asHeaders(literal) : null;
    if (headers && has(headers, REQUEST_ONLY) && !has(headers, RESPONSE_ONLY)) {
      result.request = { ...result.request, headers };
      continue;
    }
    if (headers && has(headers, RESPONSE_ONLY)) {
      result.headers = headers;
      continue;
    }
    if (/^[A-Z][A-Za-z ]+$/.test(line) && result.status && !result.reason && !bodyLines.length) {
      result.reason = line; // print(r.reason)
      continue;
    }
    bodyLines.push(literal !== null && typeof literal === 'object' ? JSON.stringify(literal) : line);
  }
  result.body = bodyLines.join('\n');
  return result;
}
