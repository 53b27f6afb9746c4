/**
 * httpbin's output conventions (postmanlabs/httpbin helpers.py, Flask's jsonify), so code and
 * printed output from other tutorials look the same here: sorted keys, two-space indent, ASCII
 * escapes, a final newline, and header names the way Werkzeug spells them.
 */
import type { Decision } from '../contract';
import { werkzeugReasonPhrase } from '../reason-phrases';
import { decide, type Reply } from '../reply';

/** Client address httpbin reports as `origin` (a documentation address, RFC 5737). */
export const HTTPBIN_ORIGIN = '203.0.113.7';

/** httpbin's own headers on every answer (its after_request sets CORS from the request's Origin). */
export function httpbinHeaders(request: Headers, contentType: string): [string, string][] {
  return [
    ['content-type', contentType],
    ['server', 'gunicorn/19.9.0'],
    ['access-control-allow-origin', request.get('origin') ?? '*'],
    ['access-control-allow-credentials', 'true'],
  ];
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortDeep(v)]),
    );
  return value;
}

/** Flask's pretty jsonify: sort_keys, indent 2, ensure_ascii, trailing newline. */
export function httpbinJsonText(value: unknown): string {
  const text = JSON.stringify(sortDeep(value), null, 2).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

/** A JSON answer as httpbin sends it. */
export function httpbinJson(request: Headers, status: number, value: unknown, decision: Decision, extra: [string, string][] = []): Reply {
  return {
    status,
    reason: werkzeugReasonPhrase(status),
    headers: [...httpbinHeaders(request, 'application/json'), ...extra],
    body: httpbinJsonText(value),
    decision,
  };
}

/** An empty or text answer (Flask's default content type). */
export function httpbinText(request: Headers, status: number, body: string, decision: Decision, extra: [string, string][] = []): Reply {
  return {
    status,
    reason: werkzeugReasonPhrase(status),
    headers: [...httpbinHeaders(request, 'text/html; charset=utf-8'), ...extra],
    body,
    decision,
  };
}

const PAGE = (title: string, text: string): string =>
  `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>${title}</title>\n<h1>${title.replace(/^\d+ /, '')}</h1>\n<p>${text}</p>\n`;

/** Werkzeug's 404 page. */
export function httpbinNotFound(request: Headers, path: string): Reply {
  const text = 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
  return httpbinText(
    request,
    404,
    PAGE('404 Not Found', text),
    decide(
      'not_found',
      `httpbin has no ${path} (this sandbox serves /get, /headers, /anything, /status, /redirect, /relative-redirect, /absolute-redirect, /redirect-to, /bearer, /basic-auth, /hidden-basic-auth, /digest-auth)`,
    ),
  );
}

/** Werkzeug's 405 page, with the Allow header Flask computes. */
export function httpbinMethodNotAllowed(request: Headers, method: string, path: string, allow: string): Reply {
  return httpbinText(
    request,
    405,
    PAGE('405 Method Not Allowed', 'The method is not allowed for the requested URL.'),
    decide('method_not_allowed', `httpbin's ${path} does not take ${method} (allowed: ${allow})`),
    [['allow', allow]],
  );
}

/** Header names as Werkzeug presents them: `x-api-key` → `X-Api-Key` (Python's str.title). */
export function werkzeugHeaderName(name: string): string {
  return name.toLowerCase().replace(/(^|[^a-z])([a-z])/g, (_m, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}
