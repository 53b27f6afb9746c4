/**
 * What httpbin echoes (helpers.py get_headers, get_dict, get_files, json_safe): the request's
 * headers, query, form, files and body, so learners can see exactly what requests sent.
 */
import { decodeUtf8Strict, encodeBase64 } from '../codec';
import { mediaType, type RequestContext } from '../context';
import { parseMultipart } from '../multipart';
import { flattenPairs } from './body';
import { HTTPBIN_ORIGIN, werkzeugHeaderName } from './httpbin-format';

/**
 * Headers httpbin.org's request never shows: hop-by-hop fields its load balancer consumes, and
 * the proxy headers get_headers() hides (ENV_HEADERS) unless `?show_env` is given.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'upgrade']);
const ENV_HEADERS = new Set(
  [
    'X-Varnish',
    'X-Request-Start',
    'X-Heroku-Queue-Depth',
    'X-Real-Ip',
    'X-Forwarded-Proto',
    'X-Forwarded-Protocol',
    'X-Forwarded-Ssl',
    'X-Heroku-Queue-Wait-Time',
    'X-Forwarded-For',
    'X-Heroku-Dynos-In-Use',
    'X-Forwarded-Port',
    'X-Request-Id',
    'Via',
    'Total-Route-Time',
    'Connect-Time',
  ].map((h) => h.toLowerCase()),
);

/** The request's headers as httpbin echoes them (Werkzeug names; repeats joined with "," as gunicorn does). */
export function echoedHeaders(ctx: RequestContext): Record<string, string> {
  const showEnv = ctx.url.searchParams.has('show_env');
  const out: Record<string, string> = {};
  for (const [name, value] of ctx.rawHeaders) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || (!showEnv && ENV_HEADERS.has(lower))) continue;
    const key = werkzeugHeaderName(name);
    out[key] = out[key] === undefined ? value : `${out[key]},${value}`;
  }
  if (ctx.via === 'browser') {
    // The browser hides Host and Content-Length from the page; the server would have seen them.
    out['Host'] ??= ctx.url.host;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') out['Content-Length'] = String(ctx.body.length);
    else if (ctx.body.length > 0) out['Content-Length'] = String(ctx.body.length);
  }
  return out;
}

/** helpers.json_safe: UTF-8 text when it decodes, else a base64 data URL. */
function jsonSafe(bytes: Uint8Array, contentType = 'application/octet-stream'): string {
  return decodeUtf8Strict(bytes) ?? `data:${contentType};base64,${encodeBase64(bytes)}`;
}

/** The body parts of get_dict: form, files, data and json. */
function bodyDict(ctx: RequestContext): Record<string, unknown> {
  const type = mediaType(ctx.headers);
  let form: Record<string, unknown> = {};
  let files: Record<string, unknown> = {};
  let data = '';
  if (type === 'application/x-www-form-urlencoded') form = flattenPairs(new URLSearchParams(ctx.bodyText));
  else if (type === 'multipart/form-data') {
    const parts = parseMultipart(ctx.body, ctx.headers.get('content-type') ?? '') ?? [];
    form = flattenPairs(parts.filter((p) => p.filename === undefined).map((p) => [p.name, new TextDecoder().decode(p.data)]));
    files = flattenPairs(
      parts.filter((p) => p.filename !== undefined).map((p) => [p.name, jsonSafe(p.data, p.contentType || 'application/octet-stream')]),
    );
  } else data = jsonSafe(ctx.body);
  let json: unknown = null;
  try {
    json = JSON.parse(data) as unknown;
  } catch {
    json = null;
  }
  return { data, files, form, json };
}

/** httpbin's `url`: scheme, the Host header and the target as sent (Werkzeug's request.url). */
function requestUrl(ctx: RequestContext): string {
  return `${ctx.url.protocol}//${ctx.headers.get('host') ?? ctx.url.host}${ctx.target}`;
}

/** get_dict for /get (url, args, headers, origin) or, with the body, for /anything (plus method). */
export function requestDict(ctx: RequestContext, withBody: boolean): Record<string, unknown> {
  return {
    args: flattenPairs(ctx.url.searchParams),
    headers: echoedHeaders(ctx),
    origin: HTTPBIN_ORIGIN,
    url: requestUrl(ctx),
    ...(withBody ? { ...bodyDict(ctx), method: ctx.method } : {}),
  };
}
