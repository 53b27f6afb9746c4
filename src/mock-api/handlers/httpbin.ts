/**
 * The httpbin.org subset (postmanlabs/httpbin core.py): request inspection, status codes and the
 * auth endpoints, answering as the real service does so other tutorials' code runs unchanged.
 */
import { decodeUtf8Strict, encodeBase64 } from '../codec';
import { mediaType, type RequestContext } from '../context';
import { decide, type Reply } from '../reply';
import { flattenPairs } from './body';
import { httpbinBasic, httpbinBearer, httpbinDigest } from './httpbin-auth';
import { HTTPBIN_ORIGIN, httpbinJson, httpbinMethodNotAllowed, httpbinNotFound, httpbinText, werkzeugHeaderName } from './httpbin-format';
import { httpbinRedirectTo } from './httpbin-redirect';
import { statusCodeReply } from './httpbin-status';

const GET_ONLY = 'GET, HEAD, OPTIONS';
const ANYTHING_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE'];

/** The request's headers as httpbin echoes them (Host and Content-Length as the server saw them). */
function echoedHeaders(ctx: RequestContext): Record<string, string> {
  const out: Record<string, string> = { Host: ctx.url.host };
  for (const [name, value] of ctx.headers) out[werkzeugHeaderName(name)] = value;
  // A browser strips Content-Length from what the page sees; requests always sends it (0 for a bodiless POST).
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') out['Content-Length'] = String(ctx.body.length);
  else if (ctx.body.length > 0) out['Content-Length'] = String(ctx.body.length);
  return out;
}

/** httpbin's get_dict() for /anything: url, args, form, data, files, json, headers, origin, method. */
async function anything(ctx: RequestContext): Promise<Record<string, unknown>> {
  const type = mediaType(ctx.headers);
  let form: Record<string, unknown> = {};
  let files: Record<string, unknown> = {};
  let data = '';
  if (type === 'application/x-www-form-urlencoded') form = flattenPairs(new URLSearchParams(ctx.bodyText));
  else if (type === 'multipart/form-data') {
    const parts = await new Response(ctx.body.slice().buffer, { headers: { 'content-type': ctx.headers.get('content-type') ?? '' } })
      .formData()
      .catch(() => null);
    const fields = parts ? [...parts.entries()] : [];
    form = flattenPairs(fields.flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
    const fileTexts = await Promise.all(
      fields.flatMap(([k, v]) => (typeof v === 'string' ? [] : [v.text().then((t) => [k, t] as [string, string])])),
    );
    files = flattenPairs(fileTexts);
  } else {
    // helpers.json_safe: text when UTF-8, else a base64 data URL.
    data = decodeUtf8Strict(ctx.body) ?? `data:application/octet-stream;base64,${encodeBase64(ctx.body)}`;
  }
  let json: unknown = null;
  try {
    json = JSON.parse(data) as unknown;
  } catch {
    json = null;
  }
  return {
    args: flattenPairs(ctx.url.searchParams),
    data,
    files,
    form,
    headers: echoedHeaders(ctx),
    json,
    method: ctx.method,
    origin: HTTPBIN_ORIGIN,
    url: ctx.url.href,
  };
}

/** Answers a request to httpbin.org. */
export async function handleHttpbin(ctx: RequestContext): Promise<Reply> {
  const path = ctx.url.pathname;
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const [first = '', ...rest] = segments;
  const getOnly = (answer: () => Reply): Reply =>
    ctx.method === 'GET' || ctx.method === 'HEAD' ? answer() : httpbinMethodNotAllowed(ctx.headers, ctx.method, path, GET_ONLY);

  if (first === 'headers' && rest.length === 0)
    return getOnly(() =>
      httpbinJson(ctx.headers, 200, { headers: echoedHeaders(ctx) }, decide('echo', 'httpbin echoes the headers it received')),
    );
  if (first === 'anything') {
    if (!ANYTHING_METHODS.includes(ctx.method))
      return httpbinMethodNotAllowed(ctx.headers, ctx.method, path, `${ANYTHING_METHODS.join(', ')}, HEAD, OPTIONS`);
    return httpbinJson(
      ctx.headers,
      200,
      await anything(ctx),
      decide('echo', 'httpbin echoes the request: no credentials are checked here'),
    );
  }
  if (first === 'status' && rest.length === 1) {
    if (!ANYTHING_METHODS.includes(ctx.method))
      return httpbinMethodNotAllowed(ctx.headers, ctx.method, path, `${ANYTHING_METHODS.join(', ')}, HEAD, OPTIONS`);
    return statusCodeReply(ctx.headers, rest[0] ?? '');
  }
  if (first === 'redirect-to' && rest.length === 0) return httpbinRedirectTo(ctx);
  if (first === 'bearer' && rest.length === 0) return getOnly(() => httpbinBearer(ctx));
  if ((first === 'basic-auth' || first === 'hidden-basic-auth') && rest.length === 2)
    return getOnly(() => httpbinBasic(ctx, rest[0] ?? '', rest[1] ?? '', first === 'hidden-basic-auth'));
  if (first === 'digest-auth' && rest.length >= 3 && rest.length <= 5)
    return getOnly(() => httpbinDigest(ctx, rest[0] ?? '', rest[1] ?? '', rest[2] ?? '', rest[3]));
  if (path === '/' || path === '')
    return httpbinText(
      ctx.headers,
      200,
      '<!DOCTYPE html>\n<title>httpbin.org</title>\n<h1>httpbin.org</h1>\n',
      decide('echo', 'httpbin home page'),
    );
  return httpbinNotFound(ctx.headers, path);
}
